using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// Interrupts of the loop's thread (issue 16, defect 1). The ones that used to end the
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
}
