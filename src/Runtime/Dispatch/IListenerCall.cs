using System.ComponentModel;

namespace GeneratedBus;

/// <summary>
/// One handler of a listener interface as a stateless struct, for <see cref="ListenerRun"/>: the generator writes one
/// per event kind (<c>SchedulerDispatcher.StageSubmittedCall</c> calls <c>OnStageSubmitted</c>). Not for hand-written
/// code: implement <see cref="IListenerCall{TListener, TEvent}"/>, whose type arguments say what <see cref="Call"/> may
/// assume.
/// </summary>
/// <remarks>
/// Untyped on purpose. The run is compiled once per call struct only if every other type argument is a value type:
/// with a listener or event type among them, the JIT shares the code between reference types and reaches the call
/// through a lookup on every listener.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IListenerCall
{
    /// <summary>Calls the handler of <paramref name="listener"/> with <paramref name="e"/>.</summary>
    /// <typeparam name="TSite">
    /// Which call site of <see cref="ListenerRun"/> calls: each compiles a copy of this method of its own, and so
    /// profiles which listener classes reach it apart from the others. Implementations ignore it.
    /// </typeparam>
    /// <param name="listener">A listener of the type the implementing <see cref="IListenerCall{TListener, TEvent}"/> names.</param>
    /// <param name="e">An event of the type it names.</param>
    /// <remarks>
    /// <see cref="ListenerRun"/> passes only what the typed run it was called with holds, so an implementation may
    /// reinterpret both arguments without a check (<c>Unsafe.As</c>).
    /// </remarks>
    void Call<TSite>(object listener, object e)
        where TSite : struct;
}

/// <summary>
/// An <see cref="IListenerCall"/> written for listeners of type <typeparamref name="TListener"/> and events of type
/// <typeparamref name="TEvent"/>: <see cref="ListenerRun.Run{TCall, TListener, TEvent}(System.ReadOnlySpan{TListener}, TEvent, ref int)"/>
/// takes only a call struct that names the types of its arguments.
/// </summary>
/// <typeparam name="TListener">The listener interface.</typeparam>
/// <typeparam name="TEvent">The event type the handler takes.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IListenerCall<TListener, TEvent> : IListenerCall
    where TListener : class
    where TEvent : class
{
}
