using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// The async side: the async listener interface and its no-op base, the dispatcher's <c>DispatchAsync</c>, and what the
/// bus needs to put async listeners on its queues (a private adapter and the <c>AddToQueue</c>, <c>AddToSharedQueue</c>
/// and <c>RemoveListener</c> overloads).
/// </summary>
internal sealed partial class BusEmitter
{
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    private const string CancellationToken = "global::System.Threading.CancellationToken";

    private string AsyncListenerInterface => _root.GeneratedPrefix + _root.AsyncListenerInterfaceName;

    private void WriteAsyncListenerInterface()
    {
        WriteTypeHeader(
            $"""
                /// <summary>
                /// Receives the events of <see cref="{_root.GeneratedPrefix}{_root.BusTypeName}"/> with handlers that may await:
                /// one per [BusEvent] subtype of <see cref="{_root.TypeName}"/>, and <c>OnOtherEventAsync</c> for every other
                /// type. A queue finishes each call before the next listener and the next event get their turn.
                /// </summary>
                """,
            $"interface {_root.AsyncListenerInterfaceName}");
        using (_writer.Braces())
        {
            WriteEach(_bus.Events, spec =>
            {
                WriteHandlerDoc(spec);
                WriteAsyncHandlerDocTail();
                _writer.WriteLine($"{ValueTask} {GeneratedNames.Async(spec.HandlerName)}({spec.TypeName} e, {CancellationToken} cancellationToken);");
            });
            WriteSeparator();
            _writer.WriteLine("""
                /// <summary>Called for an event whose type has no handler of its own.</summary>
                /// <param name="e">The event.</param>
                """);
            WriteAsyncHandlerDocTail();
            _writer.WriteLine($"{ValueTask} {GeneratedNames.Async(GeneratedNames.OtherHandler)}({_root.TypeName} e, {CancellationToken} cancellationToken);");
        }
    }

    private void WriteAsyncHandlerDocTail() => _writer.WriteLine("""
        /// <param name="cancellationToken">Cancelled when the bus stops waiting for this queue: <c>ExitTimeout</c>, or <c>StopAsync</c>'s token.</param>
        /// <returns>A task the queue waits for before it calls the next listener.</returns>
        """);

    private void WriteAsyncListener()
    {
        WriteTypeHeader(
            """/// <summary>An async listener that ignores every event: override the handlers you need.</summary>""",
            $"abstract class {_root.AsyncListenerName} : {AsyncListenerInterface}");
        using (_writer.Braces())
        {
            WriteEach(_bus.Events, spec => _writer.WriteLine($"""
                /// <inheritdoc/>
                public virtual {ValueTask} {GeneratedNames.Async(spec.HandlerName)}({spec.TypeName} e, {CancellationToken} cancellationToken) => default;
                """));
            WriteSeparator();
            _writer.WriteLine($"""
                /// <inheritdoc/>
                public virtual {ValueTask} {GeneratedNames.Async(GeneratedNames.OtherHandler)}({_root.TypeName} e, {CancellationToken} cancellationToken) => default;
                """);
        }
    }

    // The same type switch or kind lookup as Dispatch: constant time, one jump to the handler.
    private void WriteDispatchAsync()
    {
        _writer.WriteLine($$"""
            /// <summary>Calls the async handler of <paramref name="listener"/> that fits <paramref name="e"/>.</summary>
            /// <param name="listener">The async listener.</param>
            /// <param name="e">The event.</param>
            /// <param name="cancellationToken">Handed to the handler.</param>
            /// <returns>What the handler returned.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
            public static {{ValueTask}} DispatchAsync({{AsyncListenerInterface}} listener, {{_root.TypeName}} e, {{CancellationToken}} cancellationToken)
            {
            """);
        using (_writer.Indented())
        {
            WriteDispatchBody(DispatchShape.Async);
        }

        _writer.WriteLine("}");
    }

    // The bus's async overloads; the adapter wraps each registration, so a queue holds sync and async listeners in one
    // list, in the order they were added (see GeneratedBus.AsyncListenerAdapter).
    private void WriteBusAsyncMembers()
    {
        _writer.WriteLine($$"""
            /// <summary>
            /// Adds an async listener to the named queue, creating the queue (and starting it, if the bus runs) on first use.
            /// It shares the queue with sync listeners, in the order they were added: each call finishes before the next
            /// listener and the next event get their turn.
            /// </summary>
            /// <param name="listener">The async listener.</param>
            /// <param name="queue">The queue name.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="listener"/> or <paramref name="queue"/> is null.</exception>
            /// <exception cref="global::System.ArgumentException"><paramref name="queue"/> is empty.</exception>
            /// <exception cref="global::System.InvalidOperationException">The bus was stopped or disposed and has no queue of that name.</exception>
            public void AddToQueue({{AsyncListenerInterface}} listener, string queue) => base.AddToQueue(new {{GeneratedNames.AsyncAdapter}}(listener), queue);

            /// <summary>Adds an async listener to the shared queue.</summary>
            /// <param name="listener">The async listener.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="listener"/> is null.</exception>
            public void AddToSharedQueue({{AsyncListenerInterface}} listener) => AddToQueue(listener, SharedQueue);

            /// <summary>
            /// Removes one registration of an async listener from every queue that has it; a queue left empty is stopped.
            /// </summary>
            /// <param name="listener">The async listener.</param>
            /// <returns>Whether any queue had it.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="listener"/> is null.</exception>
            public bool RemoveListener({{AsyncListenerInterface}} listener) => RemoveAsyncListener(listener);

            /// <summary>An async listener on a queue: each handler awaits the listener's, with the queue's stop token.</summary>
            private sealed class {{GeneratedNames.AsyncAdapter}} : global::GeneratedBus.AsyncListenerAdapter, {{ListenerInterface}}
            {
                private readonly {{AsyncListenerInterface}} _listener;

                public {{GeneratedNames.AsyncAdapter}}({{AsyncListenerInterface}} listener)
                    : base(listener)
                {
                    _listener = listener;
                }
            """);
        _writer.WriteLine();
        using (_writer.Indented())
        {
            WriteEach(_bus.Events, spec => _writer.WriteLine(
                $"public void {spec.HandlerName}({spec.TypeName} e) => Await(_listener.{GeneratedNames.Async(spec.HandlerName)}(e, StopToken));"));
            WriteSeparator();
            _writer.WriteLine(
                $"public void {GeneratedNames.OtherHandler}({_root.TypeName} e) => Await(_listener.{GeneratedNames.Async(GeneratedNames.OtherHandler)}(e, StopToken));");
        }

        _writer.WriteLine("}");
    }
}
