using System;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeneratedBus.Hosting;

/// <summary>What the generated <c>healthChecks.Add{Bus}BusCheck()</c> calls. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BusHealthChecks
{
    /// <summary>Adds a check of the bus registered by <c>Add{Bus}Bus</c>, with its own memory of the drops it saw.</summary>
    /// <typeparam name="TBus">The generated bus.</typeparam>
    /// <typeparam name="TListener">Its listener interface.</typeparam>
    /// <typeparam name="TEvent">Its event root.</typeparam>
    /// <param name="healthChecks">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <returns><paramref name="healthChecks"/>.</returns>
    public static IHealthChecksBuilder AddBusCheck<TBus, TListener, TEvent>(IHealthChecksBuilder healthChecks, string name)
        where TBus : LiveListenerBus<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(healthChecks);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var seen = new DropsSeen();
        return healthChecks.Add(new HealthCheckRegistration(
            name,
            provider => new BusHealthCheck<TBus, TListener, TEvent>(provider.GetRequiredService<TBus>(), seen),
            failureStatus: HealthStatus.Unhealthy,
            tags: null));
    }
}
