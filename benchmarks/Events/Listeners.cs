using System.Threading;

namespace GeneratedBus.Benchmarks.Events;

/// <summary>Counts every event it gets; the producer of an async scenario reads <see cref="Count"/> to pace itself and to see the drain.</summary>
public sealed class CountingListener : BenchListener
{
    private long _count;

    public long Count => Volatile.Read(ref _count);

    // Only the dispatch thread writes: a plain increment published with a release write.
    public override void OnJobSubmitted(JobSubmitted e) => Volatile.Write(ref _count, _count + 1);

    public override void OnTaskEnded(TaskEnded e) => Volatile.Write(ref _count, _count + 1);

    public override void OnBlockUpdated(BlockUpdated e) => Volatile.Write(ref _count, _count + 1);

    public override void OnOtherEvent(BenchEvent e) => Volatile.Write(ref _count, _count + 1);
}

/// <summary>What a synchronous listener does with an event: a counter bump, the same in every scenario.</summary>
public sealed class SumListener : BenchListener
{
    public long Sum;

    public override void OnJobSubmitted(JobSubmitted e) => Sum += e.Id;

    public override void OnTaskEnded(TaskEnded e) => Sum += e.Id;

    public override void OnBlockUpdated(BlockUpdated e) => Sum += e.Id;
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
