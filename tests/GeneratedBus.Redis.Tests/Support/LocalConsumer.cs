using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GeneratedBus.Redis.Subscribing;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>
/// One consumer as a user wires it: a local bus with a Wait queue "redis-in", the subscriber posting into it, a
/// recording listener, and last on the queue the acknowledger that calls Processed. <see cref="Gate"/>, when set,
/// is asked before each event is recorded (to hold events in the queue as a crashing process would).
/// </summary>
public sealed class LocalConsumer : IAsyncDisposable
{
    private const string Queue = "redis-in";
    private readonly Recorder _recorder;

    public LocalConsumer(ConnectionMultiplexer redis, RedisSubscriberOptions options, Func<RedisDelivery, bool>? gate = null)
    {
        Bus = new TradeBus(new BusOptions { QueueCapacity = 1_000, QueueFullMode = QueueFullMode.Wait, ExitTimeout = TimeSpan.FromSeconds(10) });
        Subscriber = new RedisStreamSubscriber<TradeEvent>(redis, TradeJsonCodec.Instance, Bus.PostAsync, options);
        _recorder = new Recorder(this, gate);
        Bus.AddToQueue(_recorder, Queue);
        Bus.AddToQueue(new Acknowledger(Subscriber), Queue);
        Bus.Start();
    }

    public TradeBus Bus { get; }

    public RedisStreamSubscriber<TradeEvent> Subscriber { get; }

    /// <summary>(producer, sequence, redelivered) of every event the listener recorded, in order.</summary>
    public List<RedisDelivery> Seen { get; } = new();

    public Task StartAsync() => Subscriber.StartAsync();

    public List<RedisDelivery> SeenSnapshot()
    {
        lock (Seen) return new List<RedisDelivery>(Seen);
    }

    /// <summary>Stops reading (acknowledging what was processed), then stops the local bus.</summary>
    public async ValueTask DisposeAsync()
    {
        await Subscriber.DisposeAsync();
        Bus.Stop();
        Bus.Dispose();
    }

    private sealed class Recorder(LocalConsumer owner, Func<RedisDelivery, bool>? gate) : TradeFirehoseListener
    {
        public override void OnEvent(TradeEvent e)
        {
            RedisDelivery delivery = owner.Subscriber.CurrentDelivery ?? throw new InvalidOperationException("no current delivery");
            // A gate that says no: the process "died" here (its subscriber is gone); the event is not recorded, and
            // Processed after the subscriber's disposal acknowledges nothing.
            if (gate is not null && !gate(delivery)) return;
            lock (owner.Seen) owner.Seen.Add(delivery);
        }
    }

    private sealed class Acknowledger(RedisStreamSubscriber<TradeEvent> subscriber) : TradeFirehoseListener
    {
        public override void OnEvent(TradeEvent e) => subscriber.Processed(e);
    }
}
