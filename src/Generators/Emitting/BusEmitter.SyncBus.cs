namespace GeneratedBus.Generators.Emitting;

/// <summary>The synchronous bus: a ListenerBus wired to the dispatcher, so nobody writes that subclass by hand.</summary>
internal sealed partial class BusEmitter
{
    private void WriteListenerBus()
    {
        WriteTypeHeader(
            $$"""
                /// <summary>
                /// The synchronous bus of <see cref="{{_root.TypeName}}"/> events, Spark's <c>ListenerBus</c>:
                /// <see cref="global::GeneratedBus.ListenerBus{TListener, TEvent}.PostToAll"/> delivers each event to every
                /// <see cref="{{ListenerInterface}}"/> listener on the caller's thread, in the order they were added. A listener
                /// that throws is logged and counted while the others still get the event, and each listener type is timed.
                /// </summary>
                """,
            $"sealed class {_root.ListenerBusTypeName} : global::GeneratedBus.ListenerBus<{ListenerInterface}, {_root.TypeName}>");
        using (_writer.Braces())
        {
            _writer.WriteLine($$"""
                /// <summary>Creates a bus with no listeners, wired to <see cref="{{Dispatcher}}"/>.</summary>
                /// <param name="options">Timers, logging and clock; <see langword="null"/> for the defaults.</param>
                /// <exception cref="global::System.ArgumentException">An option is out of range.</exception>
                public {{_root.ListenerBusTypeName}}(global::GeneratedBus.BusOptions? options = null)
                    : base(options, {{Binding}})
                {
                }
                """);
        }
    }
}
