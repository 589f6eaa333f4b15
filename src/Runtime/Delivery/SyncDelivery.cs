using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace GeneratedBus;

/// <summary>
/// The delivery of a <see cref="ListenerBus{TListener, TEvent}"/>: its listeners, and <see cref="PostToAll"/> on the
/// caller's thread, implemented for the bus's dispatcher by <see cref="SyncDelivery{TListener, TEvent, TDispatcher}"/>.
/// </summary>
/// <remarks>
/// Several threads may post at once, so all per-call bookkeeping is per posting thread (<see cref="ThreadCells{TCell}"/>):
/// a <see cref="CallTally"/> counts events per listener snapshot, and a <see cref="TimingSampler"/> picks the posts
/// to time. A post takes no lock and no locked instruction; timers update with <c>Interlocked</c> only for failures,
/// timed posts and snapshot changes.
/// </remarks>
internal abstract class SyncDelivery<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    /// <summary>
    /// The synchronous bus's bound on the sampling interval. A timed post reads the clock once per listener plus once
    /// (about 50 ns each on this project's VMs) and updates every timer with locked instructions, which is more than
    /// ten times a fast post to ten listeners: one post in 16 would still triple the cost; one in up to 1024 keeps
    /// it to a few percent.
    /// </summary>
    internal const int MaxInterval = 1024;

    protected SyncDelivery(BusContext context)
    {
        Context = context;
        Listeners = new ListenerList<TListener>(context.MaxTimedListenerTypes, concurrentWriters: true);
        Guard = new ListenerGuard<TListener, TEvent>(context, l => Listeners.Remove(l), queue: null);
        _posters = new ThreadCells<PostingThread>(() => new PostingThread(context.Frequency, MaxInterval));
    }

    /// <summary>The bus's listeners.</summary>
    public ListenerList<TListener> Listeners { get; }

    protected BusContext Context { get; }

    protected ListenerGuard<TListener, TEvent> Guard { get; }

    // Each posting thread's tally and sampler. Not readonly: a mutable struct used in place (see ThreadCells).
    private ThreadCells<PostingThread> _posters;

    /// <summary>Delivers <paramref name="e"/> (not null) to every listener of the current snapshot on this thread.</summary>
    public abstract void PostToAll(TEvent e);

    /// <summary>The calling thread's tally and sampler.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected PostingThread CurrentPoster() => _posters.Get(ThreadNumbers.Current, out _);

    /// <summary>Stats per listener type, with the calls the posting threads' tallies still hold.</summary>
    public IReadOnlyDictionary<Type, ListenerStats> GetListenerStats()
    {
        var stats = new Dictionary<Type, ListenerStats>();
        foreach (ListenerStats listener in ListenerTimer.Read(Listeners.Timers(), _posters.All(), Context.Frequency))
        {
            stats[listener.ListenerType] = listener;
        }

        return stats;
    }
}

/// <summary>The synchronous delivery compiled for <typeparamref name="TDispatcher"/>.</summary>
internal sealed class SyncDelivery<TListener, TEvent, TDispatcher> : SyncDelivery<TListener, TEvent>
    where TListener : class
    where TEvent : class
    where TDispatcher : struct, IEventSpanDispatcher<TListener, TEvent>
{
    private readonly ListenerCalls<TListener, TEvent, TDispatcher> _calls;
    private readonly bool _timed;

    /// <param name="context">The bus's shared settings.</param>
    /// <param name="createCalls">Makes the delivery loops, guarded by this bus's guard.</param>
    public SyncDelivery(BusContext context, Func<ListenerGuard<TListener, TEvent>, ListenerCalls<TListener, TEvent, TDispatcher>> createCalls)
        : base(context)
    {
        _calls = createCalls(Guard);
        _timed = context.Timed;
    }

    public override void PostToAll(TEvent e)
    {
        int kind = default(TDispatcher).Classify(e);
        ListenerSnapshot<TListener> snapshot = Listeners.Snapshot;
        if (_timed)
        {
            PostingThread poster = CurrentPoster();
            poster.Count(snapshot.Timers);

            // The sampler first: while someone listens to listener.duration every post is timed, and the run it
            // counts is closed unread anyway (see PostTimed).
            if (poster.Sampler.TimeNext() || BusMetrics.ListenerDuration.Enabled)
            {
                PostTimed(ref poster.Sampler, snapshot, e, kind);
                return;
            }
        }

        // CallEach's loop, in this frame: one prologue less per post.
        int next = 0;
        while (true)
        {
            try
            {
                default(TDispatcher).DispatchSpan(snapshot.Listeners, e, kind, ref next);
                return;
            }
            catch (Exception ex)
            {
                next = _calls.Failed(snapshot, e, ex, next);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PostTimed(ref TimingSampler sampler, ListenerSnapshot<TListener> snapshot, TEvent e, int kind)
    {
        // The untimed posts since the last timed one ran among the caller's own code, so their time cannot be read
        // apart from it: close their run unread. (A queue reads its runs: its thread does nothing else.)
        if (sampler.Untimed > 0)
        {
            sampler.RunRead(slow: false);
        }

        long start = Context.Now();
        long end = _calls.CallEachTimed(snapshot, e, kind, start);
        sampler.Timed(end - start, snapshot.Listeners.Length);
    }
}
