using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeneratedBus.Hosting;

/// <summary>
/// A bus's health: Healthy while it runs and no queue dropped since the last check; Degraded, naming the queues and
/// their counts, when one did; Unhealthy when the bus does not run (not started, or stopped while the host runs).
/// </summary>
internal sealed class BusHealthCheck<TBus, TListener, TEvent> : IHealthCheck
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly TBus _bus;
    private readonly DropsSeen _seen;

    public BusHealthCheck(TBus bus, DropsSeen seen)
    {
        _bus = bus;
        _seen = seen;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_bus.IsRunning)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus, $"Bus {_bus.Name} is not running (not started, or stopped)."));
        }

        IReadOnlyDictionary<string, QueueStats> queues = _bus.GetStats().Queues;
        Dictionary<string, long> dropped = _seen.Since(queues.Values.ToDictionary(q => q.Name, q => q.Dropped, StringComparer.Ordinal));
        if (dropped.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Bus {_bus.Name} is running; no queue dropped since the last check."));
        }

        string named = string.Join(", ", dropped.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"));
        var data = dropped.ToDictionary(d => d.Key, d => (object)d.Value, StringComparer.Ordinal);
        return Task.FromResult(HealthCheckResult.Degraded($"Bus {_bus.Name} dropped events since the last check: {named}.", data: data));
    }
}

/// <summary>The drop counts one health check registration saw last, so each check reports what is new.</summary>
internal sealed class DropsSeen
{
    private readonly object _gate = new();
    private Dictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>The queues whose count grew since the last call, with how much; remembers <paramref name="now"/>.</summary>
    public Dictionary<string, long> Since(Dictionary<string, long> now)
    {
        lock (_gate)
        {
            var grown = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach ((string queue, long count) in now)
            {
                long before = _last.TryGetValue(queue, out long seen) ? seen : 0;
                if (count > before)
                {
                    grown[queue] = count - before;
                }
            }

            _last = now;
            return grown;
        }
    }
}
