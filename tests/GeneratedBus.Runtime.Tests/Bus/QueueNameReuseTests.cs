using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Bus;

/// <summary>
/// One thread per queue name at a time (issue 16, defect 13): a listener removed while in its handler, which retires
/// its queue, and re-added under the same name, used to run on the retiring thread and the new one at once.
/// </summary>
public class QueueNameReuseTests
{
    [Fact]
    public void A_listener_re_added_while_its_retiring_queue_runs_it_waits_for_that_thread_to_end()
    {
        using var bus = new TestBus(TestOptions.Create());
        using var listener = new OverlapListener();
        bus.AddToQueue(listener, "q");
        bus.Start();
        bus.Post(new Ping(0));
        listener.WaitUntilEntered(1);

        // The remover retires "q" and joins its thread, which is stuck in the listener.
        Workers remover = Workers.Start(1, _ => bus.RemoveListener(listener), "RemoveListener");
        Eventually.True(() => bus.ActiveQueues.Count == 0, "q retired");
        bus.AddToQueue(listener, "q");
        bus.Post(new Ping(1));

        // Either the new queue holds its event until the retiring thread ends, or (the defect) the listener runs again.
        AsyncEventQueue<ITestListener, TestEvent> reused = bus.Queue("q");
        Eventually.True(() => listener.Entered == 2 || reused.WaitsForPredecessor, "event 1 delivered or held");
        Assert.Equal(1, listener.Entered);
        Assert.True(remover.IsAnyAlive, "RemoveListener returned while the listener was still in its handler");

        listener.Release();
        remover.Join("RemoveListener");
        listener.WaitUntilEntered(2);
        bus.Stop();

        Assert.Equal(1, listener.MaxInside);
        Assert.Equal(new[] { "enter 0", "exit 0", "enter 1", "exit 1" }, listener.Steps);
        Assert.Equal(2, listener.Threads.Distinct().Count());
        Assert.All(listener.Threads, t => Assert.Equal("GeneratedBus-q", t.Name));
        Assert.Equal(new QueueStats("q", 10_000, 0, 2, 2, 0), bus.GetStats().Queues["q"]);
    }

    [Fact]
    public void A_queue_re_created_from_its_own_retiring_thread_starts_delivering_when_that_thread_ends()
    {
        // The stuck handler itself re-adds its listener: the new queue waits for the thread that made it, no deadlock.
        using var bus = new TestBus(TestOptions.Create());
        using var listener = new OverlapListener();
        bus.AddToQueue(listener, "q");
        bus.Start();
        Workers? remover = null;
        Exception? inHandler = null;
        listener.OnFirst = () =>
        {
            try
            {
                remover = Workers.Start(1, _ => bus.RemoveListener(listener), "RemoveListener");
                Eventually.True(() => bus.ActiveQueues.Count == 0, "q retired");
                bus.AddToQueue(listener, "q");
                bus.Post(new Ping(1));
                Eventually.True(() => bus.Queue("q").WaitsForPredecessor, "the new queue waits for this thread");
            }
            catch (Exception ex)
            {
                inHandler = ex;
            }
        };
        listener.Release();
        bus.Post(new Ping(0));

        listener.WaitUntilEntered(2);
        bus.Stop();

        Assert.Null(inHandler);
        Assert.NotNull(remover);
        remover.Join("RemoveListener");
        Assert.Equal(1, listener.MaxInside);
        Assert.Equal(new[] { "enter 0", "exit 0", "enter 1", "exit 1" }, listener.Steps);
    }

    /// <summary>Records entries and exits, and how many calls overlap; event 0 blocks until released.</summary>
    private sealed class OverlapListener : ITestListener, IDisposable
    {
        private readonly ManualResetEventSlim _release = new(false);
        private readonly ConcurrentQueue<string> _steps = new();
        private readonly ConcurrentQueue<Thread> _threads = new();
        private int _entered;
        private int _inside;
        private int _maxInside;

        public Action? OnFirst { get; set; }

        public int Entered => Volatile.Read(ref _entered);

        public int MaxInside => Volatile.Read(ref _maxInside);

        public string[] Steps => _steps.ToArray();

        public Thread[] Threads => _threads.ToArray();

        public void On(TestEvent e, int kind)
        {
            int inside = Interlocked.Increment(ref _inside);
            InterlockedMax(inside);
            _steps.Enqueue($"enter {e.Value}");
            _threads.Enqueue(Thread.CurrentThread);
            Interlocked.Increment(ref _entered);
            if (e.Value == 0)
            {
                OnFirst?.Invoke();
                _release.Wait(Workers.HangBound);
            }

            _steps.Enqueue($"exit {e.Value}");
            Interlocked.Decrement(ref _inside);
        }

        public void WaitUntilEntered(int count) => Eventually.True(() => Entered >= count, $"the listener was entered {count} times");

        public void Release() => _release.Set();

        public void Dispose() => _release.Set();

        private void InterlockedMax(int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref _maxInside)) < value && Interlocked.CompareExchange(ref _maxInside, value, seen) != seen)
            {
            }
        }
    }
}
