using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Scheduling;

namespace GeneratedBus.IntegrationTests;

/// <summary>The generated async listener types and the bus's async overloads, as a user's project uses them.</summary>
public sealed class AsyncListenerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DispatchAsync_calls_the_async_handler_that_fits_and_OnOtherEventAsync_for_the_rest()
    {
        var journal = new AsyncJournal();
        using var cancellation = new CancellationTokenSource();

        await SchedulerDispatcher.DispatchAsync(journal, new JobStart(1, 10), cancellation.Token);
        await SchedulerDispatcher.DispatchAsync(journal, new JobEnd(1, 20, true), cancellation.Token);
        await SchedulerDispatcher.DispatchAsync(journal, new HeartbeatEvent("exec-1"), cancellation.Token);
        await SchedulerDispatcher.DispatchAsync(journal, new SqlExecutionStart(7), cancellation.Token);

        // The no-op base ignores heartbeats; the token is handed through.
        Assert.Equal(["start 1", "end 1", "other SqlExecutionStart"], journal.Entries.ToArray());
        Assert.All(journal.Tokens, t => Assert.Equal(cancellation.Token, t));
    }

    [Fact]
    public void The_bus_delivers_to_sync_and_async_listeners_of_one_queue_in_order_and_removes_an_async_one()
    {
        using var bus = new SchedulerBus();
        var order = new ConcurrentQueue<string>();
        var journal = new AsyncJournal(order);
        var counter = new OrderedCounter(order);
        bus.AddToSharedQueue(journal);
        bus.AddToSharedQueue(counter);
        bus.Start();
        bus.Post(new JobStart(1, 10));
        bus.Post(new JobEnd(1, 20, true));
        bus.WaitUntilEmpty(Deadline);

        Assert.Equal(["start 1", "counter JobStart", "end 1", "counter JobEnd"], order.ToArray());
        Assert.Same(journal, bus.FindListenersByType<AsyncJournal>().Single());
        Assert.Equal(2, bus.GetStats().Listeners[typeof(AsyncJournal)].Events);

        Assert.True(bus.RemoveListener(journal));
        bus.Post(new JobStart(2, 30));
        bus.WaitUntilEmpty(Deadline);
        Assert.Equal("counter JobStart", order.Last());
        Assert.Equal(5, order.Count);
    }

    /// <summary>Records what its async handlers got, after really awaiting.</summary>
    private sealed class AsyncJournal(ConcurrentQueue<string>? order = null) : SchedulerAsyncListener
    {
        public ConcurrentQueue<string> Entries { get; } = order ?? new();

        public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

        public override async ValueTask OnJobStartAsync(JobStart e, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Record($"start {e.JobId}", cancellationToken);
        }

        public override async ValueTask OnJobEndAsync(JobEnd e, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            Record($"end {e.JobId}", cancellationToken);
        }

        public override ValueTask OnOtherEventAsync(SchedulerEvent e, CancellationToken cancellationToken)
        {
            Record($"other {e.GetType().Name}", cancellationToken);
            return default;
        }

        private void Record(string entry, CancellationToken cancellationToken)
        {
            Entries.Enqueue(entry);
            Tokens.Enqueue(cancellationToken);
        }
    }

    /// <summary>A sync listener after the async one on the same queue.</summary>
    private sealed class OrderedCounter(ConcurrentQueue<string> order) : SchedulerFirehoseListener
    {
        public override void OnEvent(SchedulerEvent e) => order.Enqueue("counter " + e.GetType().Name);
    }
}
