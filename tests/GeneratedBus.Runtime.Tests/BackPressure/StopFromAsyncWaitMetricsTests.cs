using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

/// <summary>
/// As <see cref="StopFromWaitMetricsTests"/>, for <see cref="LiveListenerBus{TListener, TEvent}.PostAsync"/>: its
/// wait's metric callbacks run on the posting thread until the wait parks, then on the pool thread that resumes it,
/// and the post stays under way (Stop waits for it) until its last wait ends, which it cannot while the callback
/// runs. Stop from such a callback must return at once, the post complete, and every event be placed or counted.
/// </summary>
[Collection(GlobalMeterCollection.Name)]
public class StopFromAsyncWaitMetricsTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    // Two full Wait queues: the post waits on a, then on b. Where the callback runs, and what Stop leaves a with:
    // - a's wait begins on the posting thread; Stop releases it, so a drops the event too;
    // - a's wait ends (room came) on the pool thread that resumes it;
    // - b's wait begins on that pool thread.
    // Each time b's wait is ended by Stop, so b drops the event.
    [Theory]
    [InlineData(BusMetricNames.ProducerWaits, "a", true, 1L)]
    [InlineData(BusMetricNames.ProducerWaitDuration, "a", false, 0L)]
    [InlineData(BusMetricNames.ProducerWaits, "b", false, 0L)]
    public void Stop_called_by_a_PostAsync_wait_metric_callback_returns_the_post_completes_and_every_event_is_counted(
        string instrument, string queue, bool onPostingThread, long droppedOnA)
    {
        var options = TestOptions.Create(capacity: 1, name: $"stop-from-async-{instrument}-{queue}");
        options.QueueFullMode = QueueFullMode.Wait;
        options.ExitTimeout = ExitTimeout;
        using var bus = new TestBus(options);
        using var blockingA = new BlockingListener();
        using var blockingB = new BlockingListener();
        bus.AddToQueue(blockingA, "a");
        bus.AddToQueue(blockingB, "b");
        bus.Start();
        bus.Post(new Ping(0));
        blockingA.WaitUntilEntered();
        blockingB.WaitUntilEntered();
        bus.Post(new Ping(1)); // fills both queues: the next post waits

        int postingThread = 0, callbackThread = 0, stops = 0;
        var stopTook = TimeSpan.MaxValue;
        void OnMeasurement(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (!Has(tags, BusMetricNames.BusTag, options.Name!) || !Has(tags, BusMetricNames.QueueTag, queue) ||
                Interlocked.Increment(ref stops) != 1)
            {
                return;
            }

            Volatile.Write(ref callbackThread, Environment.CurrentManagedThreadId);

            // Room first, or Stop would wait for the blocked listeners to drain.
            blockingA.Dispose();
            blockingB.Dispose();
            var clock = Stopwatch.StartNew();
            bus.Stop();
            stopTook = clock.Elapsed;
        }

        using MeterListener listener = InlineInstrumentListener.Start(instrument, OnMeasurement);

        ValueTask pending = default;
        Workers.Run(() =>
        {
            Volatile.Write(ref postingThread, Environment.CurrentManagedThreadId);
            pending = bus.PostAsync(new Ping(2));
        }, "a PostAsync on a full Wait queue");

        if (!onPostingThread)
        {
            // Parked on a: room there resumes the wait on a pool thread, whose callbacks stop the bus.
            Assert.False(pending.IsCompleted, "PostAsync completed while both Wait queues were full");
            blockingA.Release();
        }

        Completion.Of(pending.AsTask(), "the PostAsync whose wait's metric callback stopped the bus");
        Assert.Equal(1, Volatile.Read(ref stops));
        Assert.Equal(onPostingThread, Volatile.Read(ref callbackThread) == Volatile.Read(ref postingThread));
        Assert.True(
            stopTook < TimeSpan.FromSeconds(5),
            $"Stop took {stopTook} (ExitTimeout {ExitTimeout}): it waited for the post whose callback called it");
        BusStats stats = bus.GetStats();
        QueueStats a = stats.Queues["a"], b = stats.Queues["b"];
        Assert.Equal((3L, 3L - droppedOnA, droppedOnA, 0), (a.Posted, a.Processed, a.Dropped, a.Size));
        Assert.Equal((3L, 2L, 1L, 0), (b.Posted, b.Processed, b.Dropped, b.Size));
    }

    private static bool Has(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }
}
