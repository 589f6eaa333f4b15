using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.BackPressure;

/// <summary>
/// A wait for room is the one place a post runs user code: a <see cref="MeterListener"/> callback for the wait's
/// metrics, inline on the posting thread. If that code stops the bus, Stop must not wait for the very post that
/// called it (nor for the wait it is in), and the event must still be placed or counted.
/// </summary>
[Collection(GlobalMeterCollection.Name)]
public class StopFromWaitMetricsTests
{
    [Theory]
    [InlineData(BusMetricNames.ProducerWaits)]
    [InlineData(BusMetricNames.ProducerWaitDuration)]
    public void Stop_called_by_a_wait_metric_callback_on_the_posting_thread_returns_and_every_event_is_counted(string instrument)
    {
        var options = TestOptions.Create(capacity: 1, name: "stop-from-" + instrument);
        options.QueueFullModes["wait"] = QueueFullMode.Wait;
        options.ExitTimeout = TimeSpan.FromSeconds(60);
        using var bus = new TestBus(options);
        using BlockingListener blocking = BlockingListener.StartBlocked(bus, "wait");
        bus.Post(new Ping(1)); // fills the queue: the next post waits

        int producerThread = 0, stops = 0;
        var stopTook = TimeSpan.MaxValue;
        void OnMeasurement(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (!IsOurs(tags, options.Name!) || Environment.CurrentManagedThreadId != Volatile.Read(ref producerThread) ||
                Interlocked.Increment(ref stops) != 1)
            {
                return;
            }

            // At the wait's start the queue must be given room first, or Stop would wait for the blocked listener.
            blocking.Dispose();
            var clock = Stopwatch.StartNew();
            bus.Stop();
            stopTook = clock.Elapsed;
        }

        using MeterListener listener = InlineInstrumentListener.Start(instrument, OnMeasurement);

        Workers.Run(() =>
        {
            Volatile.Write(ref producerThread, Environment.CurrentManagedThreadId);
            if (instrument == BusMetricNames.ProducerWaitDuration)
            {
                // The duration is recorded as the wait ends, so let it end: room comes once the listener returns.
                ThreadPool.UnsafeQueueUserWorkItem(_ => { Thread.Sleep(200); blocking.Dispose(); }, null);
            }

            bus.Post(new Ping(2));
        }, "a post whose wait's metric callback stops the bus");

        Assert.Equal(1, Volatile.Read(ref stops));
        Assert.True(stopTook < TimeSpan.FromSeconds(20), $"Stop took {stopTook}: it waited for the post that called it");
        QueueStats wait = bus.GetStats().Queues["wait"];
        Assert.Equal(3, wait.Posted);
        Assert.Equal(wait.Posted, wait.Processed + wait.Dropped);
        Assert.Equal(0, wait.Size);
    }

    private static bool IsOurs(ReadOnlySpan<KeyValuePair<string, object?>> tags, string bus)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == BusMetricNames.BusTag && Equals(tag.Value, bus))
            {
                return true;
            }
        }

        return false;
    }
}
