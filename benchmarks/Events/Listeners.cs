using System.Threading;

namespace GeneratedBus.Benchmarks.Events;

/// <summary>
/// Counts every event it gets; the producer of an async scenario reads <see cref="Count"/> to pace itself and to see
/// the drain, and can block until the count reaches a target (<see cref="WaitUntil"/>), as a bounded channel's writer does.
/// </summary>
public sealed class CountingListener : BenchListener
{
    private readonly ManualResetEventSlim _reached = new(false, spinCount: 1);
    private long _count;

    // Read by the consumer per event (the line stays shared: a waiting producer writes it only when it blocks).
    private long _wakeAt = long.MaxValue;

    public long Count => Volatile.Read(ref _count);

    public override void OnJobSubmitted(JobSubmitted e) => Increment();

    public override void OnTaskEnded(TaskEnded e) => Increment();

    public override void OnBlockUpdated(BlockUpdated e) => Increment();

    public override void OnOtherEvent(BenchEvent e) => Increment();

    /// <summary>
    /// Blocks until <see cref="Count"/> reaches <paramref name="target"/> or about a millisecond passed, so a producer
    /// that waits long gives its core away (a spinning or yielding one keeps it, and on a machine with a busy core the
    /// consumer then waits for the other). The timeout covers a signal lost between the two plain reads.
    /// </summary>
    public void WaitUntil(long target)
    {
        _reached.Reset();
        Interlocked.Exchange(ref _wakeAt, target);
        if (Count < target)
        {
            _reached.Wait(1);
        }

        Volatile.Write(ref _wakeAt, long.MaxValue);
    }

    // Only the dispatch thread writes: a plain increment published with a release write.
    private void Increment()
    {
        long count = _count + 1;
        Volatile.Write(ref _count, count);
        if (count >= Volatile.Read(ref _wakeAt))
        {
            _reached.Set();
        }
    }
}

/// <summary>A listener of the 64-event bus that handles the first and the last event.</summary>
public sealed class WideSumListener : WideListener
{
    public long Sum;

    public override void OnWide00(Wide00 e) => Sum += e.Id;

    public override void OnWide63(Wide63 e) => Sum += e.Id;
}

/// <summary>Blocks its dispatch thread on the first event until released, so its queue fills and stays full.</summary>
public sealed class BlockingListener : BenchListener
{
    private readonly ManualResetEventSlim _release = new(false);

    public override void OnJobSubmitted(JobSubmitted e) => _release.Wait();

    public void Release() => _release.Set();
}
