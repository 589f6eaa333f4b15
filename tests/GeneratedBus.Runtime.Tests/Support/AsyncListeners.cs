using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>Writes "name+value" when a call starts and "name-value" when it ends, into a shared journal.</summary>
public sealed class Journal
{
    private readonly List<string> _entries = new();
    private int _inCall;

    /// <summary>Calls that overlapped another (must stay 0: a queue makes one call at a time).</summary>
    public int Overlaps;

    public void Start(string name, TestEvent e)
    {
        if (Interlocked.Increment(ref _inCall) != 1)
        {
            Interlocked.Increment(ref Overlaps);
        }

        Add($"{name}+{e.Value}");
    }

    public void End(string name, TestEvent e)
    {
        Add($"{name}-{e.Value}");
        Interlocked.Decrement(ref _inCall);
    }

    public string[] Entries()
    {
        lock (_entries)
        {
            return _entries.ToArray();
        }
    }

    private void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

/// <summary>A sync listener that journals its calls.</summary>
public sealed class JournalingListener(string name, Journal journal) : ITestListener
{
    public void On(TestEvent e, int kind)
    {
        journal.Start(name, e);
        journal.End(name, e);
    }
}

/// <summary>An async listener that journals its calls and really awaits in the middle (a pool thread ends them).</summary>
public sealed class JournalingAsyncListener(string name, Journal journal) : ITestAsyncListener
{
    public async ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken)
    {
        journal.Start(name, e);
        if (e.Value % 3 == 0)
        {
            await Task.Delay(1, cancellationToken);
        }
        else
        {
            await Task.Yield();
        }

        journal.End(name, e);
    }
}

/// <summary>Completes every call synchronously: the case that must cost nothing.</summary>
public sealed class SynchronousAsyncListener : ITestAsyncListener
{
    public int Count;

    public ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken)
    {
        Count++;
        return default;
    }
}

/// <summary>Awaits until its token is cancelled; bounded, so a bug fails instead of hanging.</summary>
public sealed class AwaitingUntilCancelledListener : ITestAsyncListener
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public Task Cancelled => _cancelled.Task;

    public async ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _cancelled.TrySetResult();
            throw;
        }
    }
}

/// <summary>Fails every call after an await: its task faults.</summary>
public sealed class FaultingAsyncListener : ITestAsyncListener
{
    public async ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("faulted " + e.Value);
    }
}

/// <summary>Fails every call before it returns a task: a synchronous throw from an async handler.</summary>
public sealed class ThrowingAsyncListener : ITestAsyncListener
{
    public ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken) => throw new InvalidOperationException("threw " + e.Value);
}

/// <summary>Awaits a fixed delay on every call.</summary>
public sealed class DelayingAsyncListener(TimeSpan delay) : ITestAsyncListener
{
    public async ValueTask OnAsync(TestEvent e, CancellationToken cancellationToken) => await Task.Delay(delay, cancellationToken);
}

/// <summary>Counts its calls (a sync listener; one writer, the dispatch thread).</summary>
public sealed class CallCounter : ITestListener
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void On(TestEvent e, int kind) => Interlocked.Increment(ref _count);
}
