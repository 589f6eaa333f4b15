using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>The typed bus: a LiveListenerBus wired to the dispatcher, with a constant-kind Post per sealed event.</summary>
internal sealed partial class BusEmitter
{
    private void WriteBus()
    {
        WriteTypeHeader(
            $"""
                /// <summary>
                /// The bus of <see cref="{_root.TypeName}"/> events: posting never blocks, and each queue delivers to its
                /// <see cref="{ListenerInterface}"/> listeners on its own thread.
                /// </summary>
                """,
            $"sealed class {_root.BusTypeName} : global::GeneratedBus.LiveListenerBus<{ListenerInterface}, {_root.TypeName}>");
        using (_writer.Braces())
        {
            _writer.WriteLine($$"""
                /// <summary>Creates a bus that is not yet started: events posted now are buffered until <c>Start</c>.</summary>
                /// <param name="options">Capacities, timeouts, logging and clock; <see langword="null"/> for the defaults.</param>
                public {{_root.BusTypeName}}(global::GeneratedBus.BusOptions? options = null)
                    : base(options, {{Binding}})
                {
                }
                """);
            _writer.WriteLine();
            WriteBusAsyncMembers();
            foreach (EventSpec spec in _bus.Events)
            {
                if (spec.IsSealed)
                {
                    _writer.WriteLine();
                    WritePost(spec);
                }
            }
        }
    }

    // Sealed types only: the kind of anything else depends on its runtime type.
    private void WritePost(EventSpec spec)
    {
        string kind = $"(int){Kind}.{spec.KindName}";
        if (spec.IsValueType)
        {
            _writer.WriteLine($"""
                /// <summary>Posts <paramref name="e"/> with its kind fixed at compile time, skipping the type lookup.</summary>
                /// <param name="e">The event.</param>
                /// <remarks>A record struct is boxed to <see cref="{_root.TypeName}"/>: one allocation per post.</remarks>
                public void Post({spec.TypeName} e) => PostWithKind(e, {kind});
                """);
            return;
        }

        _writer.WriteLine($"""
            /// <summary>Posts <paramref name="e"/> with its kind fixed at compile time, skipping the type lookup.</summary>
            /// <param name="e">The event.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public void Post({spec.TypeName} e) => PostWithKind(e, {kind});
            """);
    }
}
