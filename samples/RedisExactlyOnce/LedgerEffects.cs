using System;
using System.Threading;
using GeneratedBus.Redis.Subscribing;

namespace RedisExactlyOnce;

/// <summary>
/// The listener with durable effects: reads where the event came from (<see cref="RedisStreamSubscriber{TEvent}.CurrentDelivery"/>,
/// valid on this queue's thread) and hands both to the <see cref="EffectStore"/>, which applies it exactly once.
/// </summary>
public sealed class LedgerEffects : LedgerFirehoseListener
{
    private readonly RedisStreamSubscriber<LedgerEvent> _subscriber;
    private readonly EffectStore _store;
    private readonly ConsumeOptions _options;
    private readonly Action _reachedUntil;

    /// <summary>Applies events from <paramref name="subscriber"/> to <paramref name="store"/>.</summary>
    public LedgerEffects(RedisStreamSubscriber<LedgerEvent> subscriber, EffectStore store, ConsumeOptions options, Action reachedUntil)
    {
        _subscriber = subscriber;
        _store = store;
        _options = options;
        _reachedUntil = reachedUntil;
    }

    /// <summary>Effects applied by this run.</summary>
    public long Applied { get; private set; }

    /// <summary>Deliveries this run skipped: already applied by an earlier one.</summary>
    public long Skipped { get; private set; }

    /// <inheritdoc />
    public override void OnEvent(LedgerEvent e)
    {
        RedisDelivery delivery = _subscriber.CurrentDelivery
            ?? throw new InvalidOperationException("No current delivery: LedgerEffects must sit on the subscriber's queue.");
        if (_store.Apply(delivery, e) == EffectOutcome.Skipped)
        {
            Skipped++;
            return;
        }

        Applied++;
        if (_options.Until is long until && _store.Effects >= until)
        {
            _reachedUntil();
        }

        if (_options.StallAfter is long stall && Applied == stall)
        {
            // The crash demonstration: this effect is committed, but Processed is never called for it, so it is never
            // acknowledged; a kill -9 now leaves it pending, and the next run gets it redelivered and skips it.
            Console.WriteLine($"Stalled after {Applied} effects (--stall-after): kill me.");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
