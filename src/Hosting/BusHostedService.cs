using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneratedBus.Hosting;

/// <summary>
/// Starts the bus when the host starts (delivering what was posted before, in order) and stops it on shutdown:
/// each queue drains, bounded by <see cref="BusOptions.ExitTimeout"/> and by the host's shutdown timeout, whose token
/// gives up the wait. What was abandoned is counted and logged; the host never hangs on the bus.
/// </summary>
internal sealed class BusHostedService<TBus, TListener, TEvent> : IHostedService
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly IServiceProvider _provider;
    private readonly BusRegistrations<TBus, TListener, TEvent> _registrations;
    private readonly ILogger _logger;
    private readonly List<IBusCompanion> _companions = new();
    private TBus? _started;

    public BusHostedService(IServiceProvider provider, BusRegistrations<TBus, TListener, TEvent> registrations, ILogger? logger)
    {
        _provider = provider;
        _registrations = registrations;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        TBus bus = _provider.GetRequiredService<TBus>();
        bus.Start();
        _started = bus;
        _logger.BusStarted(bus.Name, string.Join(", ", bus.ActiveQueues));
        foreach (Func<IServiceProvider, IBusCompanion> resolve in _registrations.Companions)
        {
            IBusCompanion companion = resolve(_provider);
            await companion.StartAsync(cancellationToken).ConfigureAwait(false);
            _companions.Add(companion); // only a started companion is stopped
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_started is not { } bus)
        {
            return;
        }

        // Sources first (nothing more posted), then the bus drains, then sinks flush: each companion in reverse order.
        for (int i = _companions.Count - 1; i >= 0; i--)
        {
            await StopCompanion(bus, _companions[i], c => c.BusStoppingAsync(cancellationToken)).ConfigureAwait(false);
        }

        await bus.StopAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(bus);
        for (int i = _companions.Count - 1; i >= 0; i--)
        {
            await StopCompanion(bus, _companions[i], c => c.BusStoppedAsync(cancellationToken)).ConfigureAwait(false);
        }
    }

    // A companion that fails to stop is logged, and the others still stop: one must not keep the rest from flushing.
    private async Task StopCompanion(TBus bus, IBusCompanion companion, Func<IBusCompanion, Task> step)
    {
        try
        {
            await step(companion).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.CompanionStopFailed(bus.Name, companion.GetType().Name, ex);
        }
    }

    private void LogStopped(TBus bus)
    {
        BusStats stats = bus.GetStats();
        long processed = stats.Queues.Values.Sum(q => q.Processed);
        long dropped = stats.Queues.Values.Sum(q => q.Dropped);
        _logger.BusStopped(bus.Name, stats.EventsPosted, processed, dropped);

        // Neither processed nor dropped yet: held by a queue the stop gave up on, counted as dropped once its listener returns.
        List<string> abandoned = stats.Queues.Values
            .Where(q => q.Posted > q.Processed + q.Dropped)
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .Select(q => $"{q.Name} {q.Posted - q.Processed - q.Dropped}")
            .ToList();
        if (abandoned.Count > 0)
        {
            long count = stats.Queues.Values.Sum(q => q.Posted - q.Processed - q.Dropped);
            _logger.EventsAbandoned(bus.Name, count, string.Join(", ", abandoned));
        }
    }
}
