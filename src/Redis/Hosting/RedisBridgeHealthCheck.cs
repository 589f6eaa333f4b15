using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Redis.Accounting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// The hosted Redis bridge of one event type: Healthy while its connection is up, its subscriber reads and nothing was
/// lost since the last check; Degraded, saying why, when Redis is unreachable, the subscriber has not started or stopped
/// on an error, the publisher's background flush stopped on an error, or the
/// publisher dropped (stream full, queue full), abandoned or left unconfirmed events (sent, never answered), or the subscriber saw gaps or undecodable entries
/// since the last check. The counts are in the entry's <c>Data</c>.
/// </summary>
internal sealed class RedisBridgeHealthCheck<TEvent>(
    RedisPublisherCompanion<TEvent>? publisher, RedisSubscriberCompanion<TEvent>? subscriber, CountsSeen seen) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (publisher is not null)
        {
            CheckPublisher(publisher, problems, data);
        }

        if (subscriber is not null)
        {
            CheckSubscriber(subscriber, problems, data);
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"Redis bridge of {typeof(TEvent).Name}: connected, nothing lost since the last check.", data)
            : HealthCheckResult.Degraded($"Redis bridge of {typeof(TEvent).Name}: {string.Join("; ", problems)}.", data: data));
    }

    private void CheckPublisher(RedisPublisherCompanion<TEvent> companion, List<string> problems, Dictionary<string, object> data)
    {
        RedisPublisherStats stats = companion.Publisher.GetStats();
        long queueDropped = companion.Queue()?.Dropped ?? 0;
        data["publisher.appended"] = stats.Appended;
        data["publisher.droppedStreamFull"] = stats.DroppedStreamFull;
        data["publisher.droppedQueueFull"] = queueDropped;
        data["publisher.retries"] = stats.Retries;
        if (companion.Publisher.Fault is { } fault)
        {
            problems.Add($"publisher's background flush stopped: {fault.Message}");
        }

        if (!companion.Connection.IsConnected)
        {
            problems.Add("publisher: Redis unreachable (its queue fills, then drops and counts)");
        }

        Report(problems, "publisher", "dropped (stream full)", seen.Grown("publisher.full", stats.DroppedStreamFull));
        Report(problems, "publisher", "dropped (queue full)", seen.Grown("publisher.queue", queueDropped));
        Report(problems, "publisher", "abandoned", seen.Grown("publisher.abandoned", stats.Abandoned));
        Report(problems, "publisher", "unconfirmed (sent, never answered)", seen.Grown("publisher.unconfirmed", stats.Unconfirmed));
        Report(problems, "publisher", "unencodable", seen.Grown("publisher.unencodable", stats.Unencodable));
    }

    private void CheckSubscriber(RedisSubscriberCompanion<TEvent> companion, List<string> problems, Dictionary<string, object> data)
    {
        RedisSubscriberStats stats = companion.Subscriber.GetStats();
        data["subscriber.delivered"] = stats.Delivered;
        data["subscriber.acknowledged"] = stats.Acknowledged;
        data["subscriber.redeliveries"] = stats.Redeliveries;
        data["subscriber.gaps"] = stats.Gaps;
        if (companion.Subscriber.Fault is { } fault)
        {
            problems.Add($"subscriber stopped reading: {fault.Message}");
        }
        else if (!companion.IsReading)
        {
            problems.Add(companion.StartFailure is { } why ? $"subscriber not reading: {why}" : "subscriber not reading (not started, or stopped)");
        }
        else if (!companion.Connection.IsConnected)
        {
            problems.Add("subscriber: Redis unreachable (retrying)");
        }

        Report(problems, "subscriber", "gaps", seen.Grown("subscriber.gaps", stats.Gaps));
        Report(problems, "subscriber", "undecodable", seen.Grown("subscriber.undecodable", stats.Undecodable));
    }

    private static void Report(List<string> problems, string who, string what, long grown)
    {
        if (grown > 0)
        {
            problems.Add($"{who}: {grown} {what} since the last check");
        }
    }
}
