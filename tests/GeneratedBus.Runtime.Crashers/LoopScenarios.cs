using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Loop;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Crashers;

/// <summary>
/// Event loop scenarios that end the process if the loop lets an exception escape its thread (issue 16, defects 1
/// and 2). Each ends with the loop still receiving and a Stop that calls OnStop once.
/// </summary>
internal static class LoopScenarios
{
    /// <summary>OnReceive interrupts its own thread, and the loop then waits idle for the next event.</summary>
    public static void SelfInterruptWhileIdle(string[] args)
    {
        var loop = new RecordingLoop<int>
        {
            ReceiveHook = (_, e) =>
            {
                if (e == 1)
                {
                    Thread.CurrentThread.Interrupt();
                }
            },
        };
        loop.Start();
        loop.Post(1);
        Check.Until(() => loop.Received.Count == 1 && IsIdle(loop), "the loop waiting for events after the interrupting one");

        ReceivesNextThenStops(loop, 2);
        Check.That(loop.Errors.IsEmpty, "nothing reached OnError");
    }

    /// <summary>Another thread interrupts the loop's thread while it waits for events.</summary>
    public static void InterruptFromAnotherThreadWhileIdle(string[] args)
    {
        var loop = new RecordingLoop<int>();
        loop.Start();
        loop.Post(1);
        Check.Until(() => loop.Received.Count == 1 && IsIdle(loop), "the loop waiting for events");

        loop.ReceiveThread!.Interrupt();

        ReceivesNextThenStops(loop, 2);
        Check.That(loop.Errors.IsEmpty, "nothing reached OnError");
    }

    /// <summary>
    /// Round after round, another thread interrupts the idle loop just before or just after a post wakes it: the wait
    /// must neither end the thread nor lose the wake-up (a semaphore's pulse bookkeeping does, under interrupts).
    /// </summary>
    /// <param name="args">The number of rounds.</param>
    public static void InterruptsRacingPosts(string[] args)
    {
        int rounds = int.Parse(args[0], CultureInfo.InvariantCulture);
        var loop = new RecordingLoop<int>();
        loop.Start();
        loop.Post(0);
        for (int i = 1; i <= rounds; i++)
        {
            int received = i;
            Check.Until(() => loop.Received.Count == received && IsIdle(loop), $"event {received - 1} received and the loop idle again");

            var interrupter = new Thread(loop.ReceiveThread!.Interrupt);
            if (i % 2 == 0)
            {
                interrupter.Start();
                loop.Post(i);
            }
            else
            {
                loop.Post(i);
                interrupter.Start();
            }

            Check.That(interrupter.Join(Check.Timeout), "the interrupting thread ending");
        }

        Check.Until(() => loop.Received.Count == rounds + 1, "the last event received");
        Check.That(loop.Received.SequenceEqual(Enumerable.Range(0, rounds + 1)), "every event received once, in order");
        Check.That(loop.Errors.IsEmpty, "nothing reached OnError");
        Stops(loop);
    }

    /// <summary>OnReceive throws, OnError throws, and the logger that should report OnError's failure throws too.</summary>
    public static void ThrowingLoggerAndThrowingOnError(string[] args)
    {
        var loop = new RecordingLoop<int>("fragile", new ThrowingLoggerFactory())
        {
            ReceiveHook = (_, e) =>
            {
                if (e == 1)
                {
                    throw new InvalidOperationException("OnReceive failed");
                }
            },
            ErrorHook = (_, _) => throw new InvalidOperationException("OnError failed"),
        };
        loop.Start();
        loop.Post(1);

        ReceivesNextThenStops(loop, 2);
        Check.That(loop.Errors.Count == 1, "OnError called once, for the failure of event 1");
    }

    private static bool IsIdle(RecordingLoop<int> loop)
        => loop.ReceiveThread is { } thread && thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

    private static void ReceivesNextThenStops(RecordingLoop<int> loop, int next)
    {
        loop.Post(next);
        Check.Until(() => loop.Received.Count == next, $"event {next} received");
        Check.That(loop.IsActive, "the loop still active");
        Stops(loop);
    }

    private static void Stops(RecordingLoop<int> loop)
    {
        Check.Finishes(loop.Stop, "Stop");
        Check.That(loop.OnStopCalls == 1, $"OnStop called once, not {loop.OnStopCalls} times");
        Check.That(!loop.ReceiveThread!.IsAlive, "the loop's thread ended");
    }
}
