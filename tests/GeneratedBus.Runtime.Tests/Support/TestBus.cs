using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>The event root of the hand-written test buses.</summary>
public record TestEvent(int Value);

public sealed record Ping(int Value) : TestEvent(Value);

public sealed record Pong(int Value) : TestEvent(Value);

/// <summary>What a generated listener interface would be: one handler; the kind is passed through for checks.</summary>
public interface ITestListener
{
    void On(TestEvent e, int kind);
}

/// <summary>A hand-written stand-in for a generated dispatcher: kinds by type switch, the kind handed to the listener.</summary>
public readonly struct TestDispatcher : IEventDispatcher<ITestListener, TestEvent>
{
    public int KindCount => 3;

    public static int KindOf(TestEvent e) => e switch
    {
        Ping => 1,
        Pong => 2,
        _ => 0,
    };

    public int Classify(TestEvent e) => KindOf(e);

    public void Dispatch(ITestListener listener, TestEvent e, int kind) => listener.On(e, kind);
}

/// <summary>A hand-written stand-in for a generated <c>XxxBus</c>.</summary>
public sealed class TestBus : LiveListenerBus<ITestListener, TestEvent>
{
    public TestBus(BusOptions? options = null)
        : base(options, DispatcherBinding<ITestListener, TestEvent>.Of<TestDispatcher>())
    {
    }

    public static int KindOf(TestEvent e) => TestDispatcher.KindOf(e);

    /// <summary>What a generated per-event overload does.</summary>
    public void Post(Ping e) => PostWithKind(e, 1);

    /// <summary>
    /// Returns once the entries the bus handed to its log pump so far are written: drops, retirements and shutdown
    /// are logged off the caller's thread, so a test reads them after this.
    /// </summary>
    public void FlushLog() => Assert.True(WaitForLog(TimeSpan.FromSeconds(30)), "the bus's log entries were not written within 30 s");
}

/// <summary>The synchronous counterpart of <see cref="TestBus"/>.</summary>
public sealed class SyncTestBus : ListenerBus<ITestListener, TestEvent>
{
    public SyncTestBus(BusOptions? options = null)
        : base(options, DispatcherBinding<ITestListener, TestEvent>.Of<TestDispatcher>())
    {
    }
}

/// <summary>Keeps every event it gets, with its kind and the thread it came on.</summary>
public class CollectingListener : ITestListener
{
    private readonly ConcurrentQueue<(TestEvent Event, int Kind, Thread Thread)> _received = new();

    public IReadOnlyList<TestEvent> Events => Array.ConvertAll(_received.ToArray(), r => r.Event);

    public IReadOnlyList<int> Kinds => Array.ConvertAll(_received.ToArray(), r => r.Kind);

    public IReadOnlyList<string?> Threads => Array.ConvertAll(_received.ToArray(), r => r.Thread.Name);

    /// <summary>The distinct threads the events came on, by name: a queue's dispatch thread, to see it end.</summary>
    public IReadOnlyDictionary<string, Thread> ThreadsByName =>
        _received.Select(r => r.Thread).Distinct().ToDictionary(t => t.Name ?? "", t => t);

    public int Count => _received.Count;

    public virtual void On(TestEvent e, int kind) => _received.Enqueue((e, kind, Thread.CurrentThread));

    public void WaitForCount(int count) => Eventually.True(() => Count >= count, $"{GetType().Name} got {Count} of {count} events");
}

/// <summary>Another listener type, so per-type stats can be told apart.</summary>
public sealed class OtherCollectingListener : CollectingListener
{
}

/// <summary>Runs a callback per event.</summary>
public sealed class DelegateListener(Action<TestEvent, int> onEvent) : ITestListener
{
    public void On(TestEvent e, int kind) => onEvent(e, kind);
}

/// <summary>Throws on every event, after counting it.</summary>
public sealed class ThrowingListener : ITestListener
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void On(TestEvent e, int kind)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException("listener failure for the test");
    }
}

/// <summary>Throws <see cref="ThreadInterruptedException"/> on every event, keeping the threads it was called on.</summary>
public sealed class InterruptedListener : ITestListener
{
    private readonly ConcurrentDictionary<string, Thread> _threads = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The dispatch threads that called it, by name.</summary>
    public IReadOnlyDictionary<string, Thread> ThreadsByName => _threads;

    public void On(TestEvent e, int kind)
    {
        Interlocked.Increment(ref _calls);
        _threads.TryAdd(Thread.CurrentThread.Name ?? "", Thread.CurrentThread);
        throw new ThreadInterruptedException("interrupted for the test");
    }
}

/// <summary>
/// Blocks in its handler until released. The wait is bounded by <see cref="Workers.HangBound"/> so a bug fails instead
/// of hanging; a wait that ran out is recorded, and <see cref="Release"/> fails the test then, so no test can pass (or
/// fail for another reason) after a silent auto-release.
/// </summary>
public sealed class BlockingListener : ITestListener, IDisposable
{
    private readonly ManualResetEventSlim _release = new(false);
    private readonly ManualResetEventSlim _entered = new(false);
    private int _calls;
    private int _timedOut;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Whether a call gave up waiting for <see cref="Release"/> and returned on its own.</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) != 0;

    public void On(TestEvent e, int kind)
    {
        Interlocked.Increment(ref _calls);
        _entered.Set();
        if (!_release.Wait(Workers.HangBound))
        {
            Volatile.Write(ref _timedOut, 1);
        }
    }

    /// <summary>
    /// Adds a blocking listener to <paramref name="queue"/>, starts the bus and posts one event, returning once the
    /// listener holds it: the queue's thread is then stuck, so what is posted next waits or drops.
    /// </summary>
    public static BlockingListener StartBlocked(TestBus bus, string queue = TestBus.SharedQueue)
    {
        var blocking = new BlockingListener();
        bus.AddToQueue(blocking, queue);
        bus.Start();
        bus.Post(new Ping(0));
        blocking.WaitUntilEntered();
        return blocking;
    }

    public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "the blocking listener was never called");

    /// <summary>Lets every call return; fails the test if one already returned by timing out.</summary>
    public void Release()
    {
        Assert.False(TimedOut, $"the blocking listener auto-released after {Workers.HangBound} before the test released it");
        _release.Set();
    }

    /// <summary>Releases without asserting: cleanup, also when the test already failed.</summary>
    public void Dispose()
    {
        _release.Set();
    }
}

/// <summary>Test-wide settings: every wait is bounded so a bug fails rather than hangs.</summary>
public static class TestOptions
{
    public static BusOptions Create(int capacity = 10_000, CollectingLoggerFactory? logs = null, TimeProvider? time = null, string? name = null)
    {
        var options = new BusOptions
        {
            QueueCapacity = capacity,
            ExitTimeout = TimeSpan.FromSeconds(30),
            LoggerFactory = logs,
            Name = name,
        };
        if (time is not null)
        {
            options.TimeProvider = time;
        }

        return options;
    }
}

/// <summary>Polls a condition with a bounded wait.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out: " + what);
            Thread.Sleep(1);
        }
    }
}

/// <summary>A hand-written stand-in for a dispatcher that also delivers runs of listeners at once.</summary>
public readonly struct TestSpanDispatcher : IEventSpanDispatcher<ITestListener, TestEvent>
{
    public int KindCount => 3;

    public int Classify(TestEvent e) => TestDispatcher.KindOf(e);

    public void Dispatch(ITestListener listener, TestEvent e, int kind) => listener.On(e, kind);

    public void DispatchSpan(ReadOnlySpan<ITestListener> listeners, TestEvent e, int kind, ref int next)
    {
        for (int i = next; i < listeners.Length; i++)
        {
            next = i;
            listeners[i].On(e, kind);
        }
    }
}

/// <summary><see cref="TestBus"/> bound to <see cref="TestSpanDispatcher"/>.</summary>
public sealed class SpanTestBus : LiveListenerBus<ITestListener, TestEvent>
{
    public SpanTestBus(BusOptions? options = null)
        : base(options, DispatcherBinding<ITestListener, TestEvent>.OfSpanDispatcher<TestSpanDispatcher>())
    {
    }
}

/// <summary><see cref="SyncTestBus"/> bound to <see cref="TestSpanDispatcher"/>.</summary>
public sealed class SyncSpanTestBus : ListenerBus<ITestListener, TestEvent>
{
    public SyncSpanTestBus(BusOptions? options = null)
        : base(options, DispatcherBinding<ITestListener, TestEvent>.OfSpanDispatcher<TestSpanDispatcher>())
    {
    }
}
