using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>The listener interface and its no-op and firehose bases.</summary>
internal sealed partial class BusEmitter
{
    private void WriteListenerInterface()
    {
        WriteTypeHeader(
            $"""
                /// <summary>
                /// Receives the events of <see cref="{_root.GeneratedPrefix}{_root.BusTypeName}"/>: one handler per [BusEvent] subtype
                /// of <see cref="{_root.TypeName}"/>, and <c>OnOtherEvent</c> for every other type.
                /// </summary>
                """,
            $"interface {_root.ListenerInterfaceName}");
        using (_writer.Braces())
        {
            WriteEach(_bus.Events, spec =>
            {
                WriteHandlerDoc(spec);
                _writer.WriteLine($"void {spec.HandlerName}({spec.TypeName} e);");
            });
            WriteSeparator();
            _writer.WriteLine($"""
                /// <summary>Called for an event whose type has no handler of its own.</summary>
                /// <param name="e">The event.</param>
                void {GeneratedNames.OtherHandler}({_root.TypeName} e);
                """);
        }
    }

    private void WriteListener()
    {
        WriteTypeHeader(
            $"""/// <summary>A listener that ignores every event: override the handlers you need.</summary>""",
            $"abstract class {_root.ListenerName} : {ListenerInterface}");
        using (_writer.Braces())
        {
            WriteEach(_bus.Events, spec => _writer.WriteLine($$"""
                /// <inheritdoc/>
                public virtual void {{spec.HandlerName}}({{spec.TypeName}} e) { }
                """));
            WriteSeparator();
            _writer.WriteLine($$"""
                /// <inheritdoc/>
                public virtual void {{GeneratedNames.OtherHandler}}({{_root.TypeName}} e) { }
                """);
        }
    }

    private void WriteFirehoseListener()
    {
        WriteTypeHeader(
            $"""
                /// <summary>
                /// A listener that receives every event, whatever its type, in <see cref="{GeneratedNames.FirehoseHandler}"/>.
                /// Its handlers only forward there and cannot be overridden.
                /// </summary>
                """,
            $"abstract class {_root.FirehoseListenerName} : {ListenerInterface}");
        using (_writer.Braces())
        {
            _writer.WriteLine($"""
                /// <summary>Called for every event.</summary>
                /// <param name="e">The event.</param>
                public abstract void {GeneratedNames.FirehoseHandler}({_root.TypeName} e);

                """);
            WriteEach(_bus.Events, spec => _writer.WriteLine($"""
                /// <inheritdoc/>
                public void {spec.HandlerName}({spec.TypeName} e) => {GeneratedNames.FirehoseHandler}(e);
                """));
            WriteSeparator();
            _writer.WriteLine($"""
                /// <inheritdoc/>
                public void {GeneratedNames.OtherHandler}({_root.TypeName} e) => {GeneratedNames.FirehoseHandler}(e);
                """);
        }
    }

    // A blank line between the event handlers and the trailing catch-all, when there are any handlers.
    private void WriteSeparator()
    {
        if (_bus.Events.Count > 0)
        {
            _writer.WriteLine();
        }
    }
}
