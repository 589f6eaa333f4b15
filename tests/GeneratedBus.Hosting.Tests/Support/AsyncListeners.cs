using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Hosting.Tests.Support;

/// <summary>An async listener that really awaits, into a ledger resolved from DI.</summary>
public sealed class AsyncCountingListener(Ledger ledger) : OrderAsyncListener
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override async ValueTask OnOrderPlacedAsync(OrderPlaced e, CancellationToken cancellationToken)
    {
        await Task.Yield();
        ledger.Record(e.Id);
        Interlocked.Increment(ref _count);
    }
}

/// <summary>Awaits until the bus cancels its token; bounded, so a bug fails instead of hanging.</summary>
public sealed class AwaitingUntilCancelledListener : OrderAsyncListener
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public Task Cancelled => _cancelled.Task;

    public override async ValueTask OnOrderPlacedAsync(OrderPlaced e, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _cancelled.TrySetResult();
            throw;
        }
    }
}

/// <summary>A scoped async listener: resolved per event, with the scope's unit of work.</summary>
public sealed class ScopedAsyncListener(UnitOfWork unit, ScopedLog log) : OrderAsyncListener
{
    public override async ValueTask OnOrderPlacedAsync(OrderPlaced e, CancellationToken cancellationToken)
    {
        await Task.Yield();
        log.Add(this, unit.Id);
    }
}
