namespace GeneratedBus;

/// <summary>
/// The contract between a generated bus and the runtime: how an event is classified, and how a listener's handler is
/// called for it. The generator implements it as a stateless struct (<c>SchedulerDispatcher</c>), and a bus takes that
/// struct as a generic argument through <see cref="DispatcherBinding{TListener, TEvent}.Of{TDispatcher}"/>, so the JIT
/// compiles each delivery loop for that dispatcher, with direct, inlinable calls and no delegate in between.
/// </summary>
/// <typeparam name="TListener">The listener interface (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
/// <remarks>
/// A kind is the dispatcher's own number: the runtime takes it from <see cref="Classify"/> once per post, stores it
/// beside the event and hands it back to <see cref="Dispatch"/>, and never makes one up or interprets it.
/// Instance members on a struct, not static abstract ones: a constrained call on <c>default(TDispatcher)</c> is just as
/// direct, and generated code then also compiles in projects that stay on C# 9 or 10.
/// </remarks>
public interface IEventDispatcher<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    /// <summary>How many kinds there are: they run from 0, an event with no handler of its own, to <c>KindCount - 1</c>.</summary>
    int KindCount { get; }

    /// <summary>The kind of <paramref name="e"/>.</summary>
    /// <param name="e">A non-null event.</param>
    /// <returns>A kind from 0 to <see cref="KindCount"/> - 1.</returns>
    int Classify(TEvent e);

    /// <summary>Calls the handler of <paramref name="listener"/> for <paramref name="kind"/>.</summary>
    /// <param name="listener">The listener.</param>
    /// <param name="e">The event.</param>
    /// <param name="kind">What <see cref="Classify"/> returned for <paramref name="e"/>.</param>
    void Dispatch(TListener listener, TEvent e, int kind);
}
