using System;
using System.Collections.Generic;
using System.Threading;
using GeneratedBus.Redis.Subscribing;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>How long the <see cref="HostedRecorder"/> takes per event (to hold events in the queue at a stop).</summary>
public sealed record RecorderPace(TimeSpan PerEvent);

/// <summary>
/// A listener of a hosted consumer, resolved from DI with the subscriber, as a user writes one: it records each event
/// with the delivery it came in (<see cref="RedisStreamSubscriber{TEvent}.CurrentDelivery"/>).
/// </summary>
public sealed class HostedRecorder(RedisStreamSubscriber<TradeEvent> subscriber, RecorderPace? pace = null) : TradeFirehoseListener
{
    private readonly List<(TradeEvent Event, RedisDelivery Delivery)> _seen = new();

    public int Count
    {
        get { lock (_seen) return _seen.Count; }
    }

    public List<(TradeEvent Event, RedisDelivery Delivery)> Snapshot()
    {
        lock (_seen) return new(_seen);
    }

    public override void OnEvent(TradeEvent e)
    {
        RedisDelivery delivery = subscriber.CurrentDelivery ?? throw new InvalidOperationException("no current delivery");
        if (pace is not null) Thread.Sleep(pace.PerEvent);
        lock (_seen) _seen.Add((e, delivery));
    }
}
