using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Loop;

public sealed class EventLoopTests
{
    [Fact]
    public void Events_are_received_in_the_order_they_were_posted()
    {
        var loop = new RecordingLoop<int>();
        loop.Start();
        foreach (int i in Enumerable.Range(1, 100))
        {
            loop.Post(i);
        }

        Within.Until(() => loop.Received.Count == 100, "receiving 100 events");
        Assert.Equal(Enumerable.Range(1, 100), loop.Received);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void Dispose_stops_the_loop_after_receiving_what_it_accepted_and_calls_OnStop_once()
    {
        var loop = new RecordingLoop<int>();
        using (loop)
        {
            loop.Start();
            loop.Post(1);
            loop.Post(2);
        }

        Assert.False(loop.IsActive);
        Assert.Equal([1, 2], loop.Received);
        Assert.Equal(1, loop.OnStopCalls);
        loop.Dispose();
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Events_posted_before_Start_are_received_after_OnStart_in_order()
    {
        var loop = new RecordingLoop<int>();
        loop.Post(1);
        loop.Post(2);
        Assert.Empty(loop.Journal);

        loop.Start();
        loop.Post(3);

        Within.Until(() => loop.Received.Count == 3, "receiving 3 events");
        Assert.Equal(["start", "receive:1", "receive:2", "receive:3"], loop.Journal);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void OnStart_runs_on_the_callers_thread_and_OnReceive_on_a_background_thread_named_after_the_loop()
    {
        var loop = new RecordingLoop<int>("orders-loop");
        Assert.Equal("orders-loop", loop.Name);
        loop.Start();
        loop.Post(1);
        Within.Until(() => loop.Received.Count == 1, "receiving an event");

        Assert.Same(Thread.CurrentThread, loop.StartThread);
        Assert.NotNull(loop.ReceiveThread);
        Assert.NotSame(Thread.CurrentThread, loop.ReceiveThread);
        Assert.Equal("orders-loop", loop.ReceiveThread.Name);
        Assert.True(loop.ReceiveThread.IsBackground);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void A_failure_in_OnReceive_goes_to_OnError_on_the_loop_thread()
    {
        var oops = new InvalidOperationException("oops");
        var loop = new RecordingLoop<int> { ReceiveHook = (_, _) => throw oops };
        loop.Start();
        loop.Post(1);

        Within.Until(() => !loop.Errors.IsEmpty, "OnError");
        Assert.Same(oops, Assert.Single(loop.Errors));
        Assert.Same(loop.ReceiveThread, loop.ErrorThread);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void A_failure_in_OnError_is_logged_and_the_loop_goes_on()
    {
        var logs = new CollectingLoggerFactory();
        var onErrorFailure = new InvalidOperationException("OnError failed");
        var loop = new RecordingLoop<int>("fragile", logs)
        {
            ReceiveHook = (_, e) =>
            {
                if (e == 1)
                {
                    throw new InvalidOperationException("oops");
                }
            },
            ErrorHook = (_, _) => throw onErrorFailure,
        };
        loop.Start();
        loop.Post(1);
        loop.Post(2);

        Within.Until(() => loop.Received.Count == 2, "receiving the event after the failure");
        Assert.True(loop.IsActive);
        LogEntry entry = Assert.Single(logs.At(LogLevel.Error));
        Assert.Same(onErrorFailure, entry.Exception);
        Assert.Contains("fragile", entry.Message, StringComparison.Ordinal);
        Assert.Equal("GeneratedBus.EventLoop", entry.Category);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void Stop_from_another_thread_receives_every_accepted_event_then_calls_OnStop_there()
    {
        using var firstEntered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var loop = new RecordingLoop<int>
        {
            ReceiveHook = (_, e) =>
            {
                if (e == 1)
                {
                    firstEntered.Set();
                    Within.Wait(release, "the test releasing the first event");
                }
            },
        };
        loop.Start();
        loop.Post(1);
        Within.Wait(firstEntered, "receiving the first event");
        foreach (int i in Enumerable.Range(2, 9))
        {
            loop.Post(i);
        }

        var stopper = new Thread(loop.Stop);
        stopper.Start();
        Within.Until(() => loop.IsStopped, "Stop refusing new events");
        loop.Post(11);
        release.Set();
        Within.Join(stopper, "Stop");

        Assert.Equal(Enumerable.Range(1, 10), loop.Received);
        Assert.Equal("stop", loop.Journal.Last());
        Assert.Same(stopper, loop.StopThread);
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Equal(0, loop.DiscardedOnStop);
        Within.Join(loop.ReceiveThread, "the loop's thread");
    }

    [Fact]
    public void Stop_from_OnStart_calls_OnStop_once_and_starts_no_thread()
    {
        var loop = new RecordingLoop<int> { StartHook = l => l.Stop() };
        loop.Post(1);

        Within.Run(loop.Start, "Start");

        Assert.Equal(1, loop.OnStopCalls);
        Assert.Same(loop.StartThread, loop.StopThread);
        Assert.False(loop.IsActive);
        Assert.Equal(["start", "stop"], loop.Journal);
        Assert.Equal(1, loop.DiscardedOnStop);
        Within.Run(loop.Stop, "a second Stop");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Stop_from_OnReceive_calls_OnStop_once_on_the_loop_thread()
    {
        var loop = new RecordingLoop<int> { ReceiveHook = (l, _) => l.Stop() };
        loop.Start();
        loop.Post(1);

        Within.Wait(loop.Stopped, "OnStop");
        Within.Join(loop.ReceiveThread, "the loop's thread");
        Assert.False(loop.IsActive);
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Same(loop.ReceiveThread, loop.StopThread);
        Assert.Equal(["start", "receive:1", "stop"], loop.Journal);
        Within.Run(loop.Stop, "a second Stop");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Stop_from_OnError_calls_OnStop_once_on_the_loop_thread()
    {
        var loop = new RecordingLoop<int>
        {
            ReceiveHook = (_, _) => throw new InvalidOperationException("oops"),
            ErrorHook = (l, _) => l.Stop(),
        };
        loop.Start();
        loop.Post(1);

        Within.Wait(loop.Stopped, "OnStop");
        Within.Join(loop.ErrorThread, "the loop's thread");
        Assert.False(loop.IsActive);
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Same(loop.ErrorThread, loop.StopThread);
        Assert.Equal(["start", "receive:1", "error:oops", "stop"], loop.Journal);
    }

    [Fact]
    public void Stop_from_OnReceive_discards_the_pending_events_and_logs_and_counts_them()
    {
        var logs = new CollectingLoggerFactory();
        var loop = new RecordingLoop<int>("busy", logs)
        {
            ReceiveHook = (l, e) =>
            {
                if (e == 1)
                {
                    l.Stop();
                }
            },
        };
        foreach (int i in Enumerable.Range(1, 5))
        {
            loop.Post(i);
        }

        loop.Start();

        Within.Wait(loop.Stopped, "OnStop");
        Within.Join(loop.ReceiveThread, "the loop's thread");
        Assert.Equal([1], loop.Received);
        Assert.Equal(4, loop.DiscardedOnStop);
        Assert.Equal(4, loop.DiscardedSeenByOnStop);
        LogEntry warning = Assert.Single(logs.At(LogLevel.Warning));
        Assert.Contains("busy", warning.Message, StringComparison.Ordinal);
        Assert.Contains("4", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_before_Start_calls_OnStop_and_counts_the_queued_events_as_discarded()
    {
        var logs = new CollectingLoggerFactory();
        var loop = new RecordingLoop<int>("never-started", logs);
        loop.Post(1);
        loop.Post(2);

        Within.Run(loop.Stop, "Stop");

        Assert.Equal(1, loop.OnStopCalls);
        Assert.Equal(2, loop.DiscardedOnStop);
        Assert.Single(logs.At(LogLevel.Warning));
        Assert.Throws<InvalidOperationException>(loop.Start);
        Assert.Empty(loop.Received);
    }

    [Fact]
    public void Stop_without_pending_events_logs_nothing()
    {
        var logs = new CollectingLoggerFactory();
        var loop = new RecordingLoop<int>("quiet", logs) { ReceiveHook = (l, _) => l.Stop() };
        loop.Start();
        loop.Post(1);

        Within.Wait(loop.Stopped, "OnStop");
        Assert.Equal(0, loop.DiscardedOnStop);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Stop_twice_calls_OnStop_once()
    {
        var loop = new RecordingLoop<int>();
        loop.Start();

        Within.Run(loop.Stop, "Stop");
        Within.Run(loop.Stop, "a second Stop");
        Within.Run(loop.Stop, "a third Stop");

        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Stop_from_OnStop_returns_at_once()
    {
        var loop = new RecordingLoop<int> { StopHook = l => l.Stop() };
        loop.Start();

        Within.Run(loop.Stop, "Stop");

        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Concurrent_Stops_both_return_and_OnStop_runs_once()
    {
        for (int round = 0; round < 20; round++)
        {
            var loop = new RecordingLoop<int>();
            loop.Start();
            foreach (int i in Enumerable.Range(1, 50))
            {
                loop.Post(i);
            }

            using var bothReady = new Barrier(2);
            var first = new Thread(() => { bothReady.SignalAndWait(Within.Timeout); loop.Stop(); });
            var second = new Thread(() => { bothReady.SignalAndWait(Within.Timeout); loop.Stop(); });
            first.Start();
            second.Start();
            Within.Join(first, "the first Stop");
            Within.Join(second, "the second Stop");

            Within.Wait(loop.Stopped, "OnStop");
            Assert.Equal(1, loop.OnStopCalls);
            Assert.False(loop.IsActive);
        }
    }

    [Fact]
    public void Stop_from_another_thread_waits_for_a_running_OnStart_and_no_thread_starts()
    {
        using var start = new StartInProgress();
        RecordingLoop<int> loop = start.Loop;

        var stopper = new Thread(loop.Stop);
        stopper.Start();
        Within.Until(() => stopper.ThreadState.HasFlag(ThreadState.WaitSleepJoin), "Stop waiting");
        start.Finish();
        Within.Join(stopper, "Stop");

        Assert.Equal(["start", "start returns", "stop"], loop.Journal);
        Assert.Equal(1, loop.OnStopCalls);
        Assert.False(loop.IsActive);
        Assert.Equal(1, loop.DiscardedOnStop);
    }

    [Fact]
    public void Posts_after_Stop_are_ignored()
    {
        var loop = new RecordingLoop<int>();
        loop.Start();
        loop.Post(1);
        Within.Run(loop.Stop, "Stop");

        loop.Post(2);
        loop.Post(3);

        Assert.Equal([1], loop.Received);
        Assert.Equal(0, loop.DiscardedOnStop);
        Assert.Equal("stop", loop.Journal.Last());
    }

    [Fact]
    public void Start_twice_throws()
    {
        var loop = new RecordingLoop<int>();
        loop.Start();

        Assert.Throws<InvalidOperationException>(loop.Start);

        Assert.True(loop.IsActive);
        Assert.Equal(["start"], loop.Journal);
        Within.Run(loop.Stop, "Stop");
    }

    [Fact]
    public void Start_after_Stop_throws()
    {
        var loop = new RecordingLoop<int>();
        loop.Start();
        Within.Run(loop.Stop, "Stop");

        Assert.Throws<InvalidOperationException>(loop.Start);

        Assert.False(loop.IsActive);
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void IsActive_is_true_only_between_Start_and_Stop()
    {
        bool activeInOnStart = true;
        var loop = new RecordingLoop<int> { StartHook = l => activeInOnStart = l.IsActive };
        Assert.False(loop.IsActive);
        Assert.False(loop.IsStopped);

        loop.Start();
        Assert.False(activeInOnStart);
        Assert.True(loop.IsActive);
        Assert.False(loop.IsStopped);

        Within.Run(loop.Stop, "Stop");
        Assert.False(loop.IsActive);
        Assert.True(loop.IsStopped);
    }

    [Fact]
    public void A_throwing_OnStart_propagates_and_leaves_the_loop_inactive()
    {
        var oops = new InvalidOperationException("OnStart failed");
        var loop = new RecordingLoop<int> { StartHook = _ => throw oops };
        loop.Post(1);

        Assert.Same(oops, Assert.Throws<InvalidOperationException>(loop.Start));

        Assert.False(loop.IsActive);
        Assert.NotSame(oops, Assert.Throws<InvalidOperationException>(loop.Start));
        Within.Run(loop.Stop, "Stop");
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Empty(loop.Received);
        Assert.Equal(1, loop.DiscardedOnStop);
    }

    [Fact]
    public void A_throwing_OnStop_propagates_to_the_first_Stop_only()
    {
        var oops = new InvalidOperationException("OnStop failed");
        var loop = new RecordingLoop<int> { StopHook = _ => throw oops };
        loop.Start();

        Exception? thrown = Record.Exception(() => Within.Run(loop.Stop, "Stop"));

        Assert.Same(oops, thrown);
        Within.Run(loop.Stop, "a second Stop");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Posts_from_many_threads_are_all_received_in_each_producers_order()
    {
        const int Producers = 4;
        const int PerProducer = 2_000;
        var loop = new RecordingLoop<(int Producer, int Sequence)>();
        loop.Start();

        LoopProducers.Run(Producers, PerProducer, (p, s) => loop.Post((p, s)));
        Within.Run(loop.Stop, "Stop");

        LoopProducers.AssertEachInOrder(loop.Received, Producers, PerProducer);
    }

    [Fact]
    public void A_null_event_is_refused_but_a_default_value_type_is_not()
    {
        var references = new RecordingLoop<string>();
        Assert.Throws<ArgumentNullException>(() => references.Post(null!));

        var values = new RecordingLoop<int>();
        values.Start();
        values.Post(0);
        Within.Run(values.Stop, "Stop");
        Assert.Equal([0], values.Received);
    }

    [Fact]
    public void A_null_name_is_refused()
        => Assert.Throws<ArgumentNullException>(() => new RecordingLoop<int>(null!));
}
