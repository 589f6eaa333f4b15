using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// A logger that throws never breaks the loop (issue 16, defects 2 and 3). The one that used to end the process runs
/// in a child process (tests/GeneratedBus.Runtime.Crashers, LoopScenarios).
/// </summary>
public sealed class EventLoopLoggerFailureTests
{
    [Fact]
    public void A_throwing_logger_behind_a_throwing_OnError_never_ends_the_loop()
        => ChildScenario.AssertPasses("loop-throwing-logger-and-throwing-on-error");

    [Fact]
    public void Stop_from_OnReceive_with_events_left_and_a_throwing_logger_still_calls_OnStop_once()
    {
        var loop = new RecordingLoop<string>("busy", new ThrowingLoggerFactory())
        {
            ReceiveHook = (l, e) =>
            {
                if (e == "first")
                {
                    l.Stop();
                }
            },
        };
        loop.Post("first");
        loop.Post("second");
        loop.Start();

        Within.Until(() => loop.ReceiveThread is not null, "receiving the first event");
        Within.Join(loop.ReceiveThread, "the loop's thread");
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Empty(loop.Errors);
        Assert.Equal(1, loop.DiscardedOnStop);
        Assert.Equal(["first"], loop.Received);
        Within.Run(loop.Stop, "a second Stop");
        Within.Run(loop.Dispose, "Dispose");
        Assert.Equal(1, loop.OnStopCalls);
    }

    [Fact]
    public void Stop_before_Start_with_events_queued_and_a_throwing_logger_still_calls_OnStop_once()
    {
        var loop = new RecordingLoop<int>("never-started", new ThrowingLoggerFactory());
        loop.Post(1);

        Within.Run(loop.Stop, "Stop");

        Assert.Equal(1, loop.OnStopCalls);
        Assert.Equal(1, loop.DiscardedOnStop);
    }
}
