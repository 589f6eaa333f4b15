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
                /// The bus of <see cref="{_root.TypeName}"/> events: each queue delivers to its
                /// <see cref="{ListenerInterface}"/> listeners on its own thread. Posting never blocks on a DropWrite
                /// queue, which drops and counts what does not fit; a Wait queue makes the poster wait for room.
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
            WriteBusAsyncMembers();
            _writer.WriteLine();
            WriteTypedAddToQueue();
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
        string boxing = spec.IsValueType
            ? $"""
                /// A record struct is boxed to <see cref="{_root.TypeName}"/>: one allocation per post.
                """ + "\n"
            : string.Empty;
        string nullCheck = spec.IsValueType
            ? string.Empty
            : "\n/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"e\"/> is <see langword=\"null\"/>.</exception>";
        _writer.WriteLine($"""
            /// <summary>Posts <paramref name="e"/> to every queue, with its kind fixed at compile time, skipping the type lookup.</summary>
            /// <param name="e">The event.</param>
            /// <remarks>
            {boxing}{PostBehaviour}
            /// </remarks>{nullCheck}
            public void Post({spec.TypeName} e) => PostWithKind(e, {kind});
            """);
    }

    // What a post does in each state of the bus and its queues, as LiveListenerBus.Post does it.
    private const string PostBehaviour = """
        /// Never blocks on a <see cref="global::GeneratedBus.QueueFullMode.DropWrite"/> queue (the default): a full one
        /// drops the event and counts the drop (<c>GetStats</c>). A full <see cref="global::GeneratedBus.QueueFullMode.Wait"/>
        /// queue blocks this thread until it has room. Before <c>Start</c> the event is buffered (and dropped, and counted,
        /// once the start buffer is full); after <c>Stop</c> it is ignored.
        """;
}
