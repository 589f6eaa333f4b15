using System;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopWorker.Events;
using ShopWorker.Storage;

namespace ShopWorker.Reporting;

/// <summary>
/// Checks the balance once the bus has drained: the rows this run wrote to SQLite must equal the events the store
/// queue processed, and what was posted must equal processed + dropped. Registered before <c>AddShopBus</c>, so the
/// host stops it after the bus. An unbalanced drain is logged as an error and sets the exit code to 1.
/// </summary>
public sealed class DrainReport : IHostedService
{
    private readonly ShopBus _bus;
    private readonly EventStore _store;
    private readonly ILogger<DrainReport> _logger;

    /// <summary>Makes the report; the host runs it.</summary>
    /// <param name="bus">The bus whose store queue is checked.</param>
    /// <param name="store">The database whose rows are counted.</param>
    /// <param name="logger">Where the balance goes.</param>
    public DrainReport(ShopBus bus, EventStore store, ILogger<DrainReport> logger)
    {
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.StoreOpened(_store.DatabasePath, _store.RunId);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        QueueStats queue = _bus.GetStats().Queues[ShopQueues.Store];
        long rows = _store.CountRows();
        if (rows == queue.Processed && queue.Posted == queue.Processed + queue.Dropped)
        {
            _logger.Drained(queue.Name, queue.Posted, queue.Processed, queue.Dropped, _store.RunId, rows);
        }
        else
        {
            _logger.DrainUnbalanced(queue.Name, queue.Posted, queue.Processed, queue.Dropped, _store.RunId, rows);
            Environment.ExitCode = 1;
        }

        return Task.CompletedTask;
    }
}
