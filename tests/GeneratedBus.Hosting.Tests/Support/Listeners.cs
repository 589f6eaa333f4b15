using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus.Hosting.Tests.Support;

/// <summary>A dependency of a listener, to show listeners get theirs from DI.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<int> _ids = new();

    public IReadOnlyCollection<int> Ids => _ids;

    public void Record(int id) => _ids.Enqueue(id);
}

/// <summary>Counts what it gets, into a ledger resolved from DI.</summary>
public sealed class CountingListener(Ledger ledger) : OrderListener
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnOrderPlaced(OrderPlaced e)
    {
        ledger.Record(e.Id);
        Interlocked.Increment(ref _count);
    }

    public override void OnOrderShipped(OrderShipped e) => Interlocked.Increment(ref _count);
}

/// <summary>Another listener type, switched on by name.</summary>
public sealed class AuditListener : OrderFirehoseListener
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnEvent(OrderEvent e) => Interlocked.Increment(ref _count);
}

/// <summary>Blocks in its handler until released; bounded, so a bug fails instead of hanging.</summary>
public sealed class BlockingListener : OrderListener, IDisposable
{
    private readonly ManualResetEventSlim _entered = new(false);
    private readonly ManualResetEventSlim _release = new(false);

    public override void OnOrderPlaced(OrderPlaced e)
    {
        _entered.Set();
        _release.Wait(TimeSpan.FromSeconds(60));
    }

    // Handled, though it does nothing: the tests fill this listener's queue with OrderShipped, which the queue would
    // otherwise skip (it carries only the kinds its listeners handle).
    public override void OnOrderShipped(OrderShipped e)
    {
    }

    public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "the blocking listener was never called");

    public void Release() => _release.Set();

    public void Dispose() => _release.Set();
}

/// <summary>A scoped dependency: one per scope, so the test can see a scope per event.</summary>
public sealed class UnitOfWork : IDisposable
{
    private static int s_created;
    private static int s_disposed;

    public UnitOfWork() => Id = Interlocked.Increment(ref s_created);

    public int Id { get; }

    public static int Disposed => Volatile.Read(ref s_disposed);

    public void Dispose() => Interlocked.Increment(ref s_disposed);
}

/// <summary>A listener registered as scoped: resolved per event, with the scope's unit of work.</summary>
public sealed class ScopedListener(UnitOfWork unit, ScopedLog log) : OrderListener
{
    public override void OnOrderPlaced(OrderPlaced e) => log.Add(this, unit.Id);
}

/// <summary>What the scoped listeners saw: instance and unit of work per event.</summary>
public sealed class ScopedLog
{
    private readonly ConcurrentQueue<(object Listener, int Unit)> _calls = new();

    public IReadOnlyList<(object Listener, int Unit)> Calls => _calls.ToArray();

    public void Add(object listener, int unit) => _calls.Enqueue((listener, unit));
}
