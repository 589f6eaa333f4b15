using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// Interrupts of the loop's thread and of a thread in Stop (issue 16, defects 1 and 4). The ones that used to end the
/// process run in a child process (tests/GeneratedBus.Runtime.Crashers, LoopScenarios).
/// </summary>
public sealed class EventLoopInterruptTests
{
    [Fact]
    public void An_interrupt_OnReceive_leaves_on_its_own_thread_is_absorbed_when_the_loop_waits_and_the_loop_goes_on()
        => ChildScenario.AssertPasses("loop-self-interrupt-while-idle");

    [Fact]
    public void An_interrupt_of_the_idle_loop_thread_from_another_thread_is_absorbed_and_the_loop_goes_on()
        => ChildScenario.AssertPasses("loop-interrupt-from-another-thread-while-idle");

    [Fact]
    [Trait("Category", "Stress")]
    public void Interrupts_racing_the_posts_that_wake_the_loop_neither_end_it_nor_lose_a_wake_up()
        => ChildScenario.AssertPasses("loop-interrupts-racing-posts", Stress.Scale(5_000).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void An_interrupt_still_pending_fails_the_next_blocking_OnReceive_which_goes_to_OnError_and_the_loop_goes_on()
    {
        var loop = new RecordingLoop<int>
        {
            ReceiveHook = (_, e) =>
            {
                if (e == 1)
                {
                    Thread.CurrentThread.Interrupt();
                }
                else if (e == 2)
                {
                    // Blocks: the interrupt, still pending because the loop had events waiting and never waited, fires here.
                    Thread.Sleep(1);
                }
            },
        };
        loop.Post(1);
        loop.Post(2);
        loop.Post(3);
        loop.Start();

        Within.Until(() => loop.Received.Count == 3, "receiving 3 events");
        Assert.IsType<ThreadInterruptedException>(Assert.Single(loop.Errors));
        Assert.Equal(["start", "receive:1", "receive:2", $"error:{loop.Errors.Single().Message}", "receive:3"], loop.Journal);
        Assert.True(loop.IsActive);
        Within.Run(loop.Stop, "Stop");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    [Trait("Category", "Stress")]
    public void Posts_from_threads_with_an_interrupt_pending_never_throw_and_every_event_is_received_in_order()
    {
        const int Producers = 8;
        int perProducer = Stress.Scale(20_000);
        var loop = new RecordingLoop<(int Producer, int Sequence)>();
        loop.Start();
        int thrown = 0;
        int stillPending = 0;

        // Eight producers on two cores contend for the loop's locks, and a contended lock is where a pending
        // interrupt fires: each keeps one pending from its first post to its last.
        LoopProducers.Run(Producers, perProducer, (p, s) =>
        {
            if (s == 0)
            {
                Thread.CurrentThread.Interrupt();
            }

            try
            {
                loop.Post((p, s));
            }
            catch (ThreadInterruptedException)
            {
                Interlocked.Increment(ref thrown);
                Thread.CurrentThread.Interrupt();
            }

            if (s == perProducer - 1 && StopOnThread.ConsumePendingInterrupt())
            {
                Interlocked.Increment(ref stillPending);
            }
        });
        Within.Run(loop.Stop, "Stop");

        Assert.Equal(0, thrown);
        Assert.Equal(Producers, stillPending);
        LoopProducers.AssertEachInOrder(loop.Received, Producers, perProducer);
    }

    [Fact]
    public void A_Stop_interrupted_while_it_joins_the_loop_still_calls_OnStop_once_and_leaves_the_interrupt_pending()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var loop = new RecordingLoop<int>
        {
            ReceiveHook = (_, _) =>
            {
                entered.Set();
                Within.Wait(release, "the test releasing the event");
            },
        };
        loop.Start();
        loop.Post(1);
        Within.Wait(entered, "receiving the event");

        var stop = new StopOnThread(loop);
        Within.Until(() => stop.IsWaiting, "Stop joining the loop's thread");
        stop.Thread.Interrupt();
        release.Set();
        stop.Join();

        Assert.Equal(1, loop.OnStopCalls);
        Assert.Null(stop.Thrown);
        Assert.True(stop.InterruptPendingAfterStop);
        Assert.Same(stop.Thread, loop.StopThread);
        Assert.Equal(["start", "receive:1", "stop"], loop.Journal);
        Assert.False(loop.ReceiveThread!.IsAlive);
        Within.Run(loop.Stop, "a second Stop");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void A_Stop_interrupted_while_it_waits_for_a_running_OnStart_still_calls_OnStop_once_after_it()
    {
        using var start = new StartInProgress();
        RecordingLoop<int> loop = start.Loop;

        var stop = new StopOnThread(loop);
        Within.Until(() => stop.IsWaiting, "Stop waiting for OnStart");
        stop.Thread.Interrupt();
        start.Finish();
        stop.Join();

        Assert.Equal(1, loop.OnStopCalls);
        Assert.Null(stop.Thrown);
        Assert.True(stop.InterruptPendingAfterStop);
        Assert.Equal(["start", "start returns", "stop"], loop.Journal);
        Assert.Equal(1, loop.DiscardedOnStop);
        Assert.False(loop.IsActive);
    }
}
