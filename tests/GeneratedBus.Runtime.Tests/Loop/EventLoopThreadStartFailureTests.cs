using System;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// A loop whose thread cannot be created (thread exhaustion, a pid limit) holds no thread, so Stop neither throws nor
/// joins a thread that never ran: the loop's version of issue 16's defect 6, through the thread-start seam.
/// </summary>
public sealed class EventLoopThreadStartFailureTests
{
    [Fact]
    public void A_Start_whose_thread_cannot_be_created_throws_and_Stop_then_counts_the_posted_events_and_calls_OnStop_once()
    {
        var loop = new RecordingLoop<int>("no-thread");
        loop.ThreadStarter = _ => throw new OutOfMemoryException("no thread for the test");
        loop.Post(1);
        loop.Post(2);

        Assert.Throws<OutOfMemoryException>(loop.Start);
        Assert.False(loop.IsActive);

        Within.Run(loop.Stop, "Stop after the failed Start");
        Assert.Equal(1, loop.OnStopCalls);
        Assert.Equal(2, loop.DiscardedOnStop);
        Assert.Empty(loop.Received);
        Within.Run(loop.Dispose, "Dispose");
        Assert.Equal(1, loop.OnStopCalls);
    }
}
