using System;
using GeneratedBus.Redis.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of a hosted Redis bridge (<c>AddRedisPublisher</c>, <c>AddRedisSubscriber</c>).</summary>
public static class RedisHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks the Redis publisher and subscriber registered for <typeparamref name="TEvent"/>: Healthy while connected,
    /// reading and losing nothing; Degraded, saying why, when Redis is unreachable, the subscriber has not started, or
    /// events were dropped, abandoned, unconfirmed, undecodable or missing (gaps) since the last check. Each registration remembers
    /// the counts it last saw.
    /// </summary>
    /// <typeparam name="TEvent">The bus's event root.</typeparam>
    /// <param name="healthChecks">The health checks builder.</param>
    /// <param name="name">The check's name; <c>"{TEvent}.Redis"</c> by default.</param>
    /// <returns><paramref name="healthChecks"/>.</returns>
    public static IHealthChecksBuilder AddRedisBridgeCheck<TEvent>(this IHealthChecksBuilder healthChecks, string? name = null)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(healthChecks);
        var seen = new CountsSeen();
        return healthChecks.Add(new HealthCheckRegistration(
            name ?? typeof(TEvent).Name + ".Redis",
            provider => new RedisBridgeHealthCheck<TEvent>(
                provider.GetService<RedisPublisherCompanion<TEvent>>(), provider.GetService<RedisSubscriberCompanion<TEvent>>(), seen),
            failureStatus: HealthStatus.Unhealthy,
            tags: null));
    }
}
