using System;
using System.Threading;
using GeneratedBus.Redis.Publishing;
using SparkScheduler.Events;

namespace SparkScheduler.Redis;

/// <summary>
/// A firehose listener on the <c>redis</c> queue that hands every event to the publisher. The queue is a
/// <c>DropWrite</c> queue of its own: while Redis is slow or unreachable it fills and drops, counted, and the simulated
/// driver never waits for Redis. Once the run gave up on an unreachable Redis (<see cref="StopSending"/>), the events
/// still queued are counted in <see cref="NotSent"/> instead, so that the bus can stop.
/// </summary>
internal sealed class RedisForwarder(RedisStreamPublisher<SparkListenerEvent> publisher) : SparkFirehoseListener
{
    private int _stopped;
    private long _notSent;

    /// <summary>Events taken from the queue after <see cref="StopSending"/>: dropped because Redis was unreachable.</summary>
    public long NotSent => Interlocked.Read(ref _notSent);

    /// <summary>From now on, count events instead of sending them (call before disposing the publisher).</summary>
    public void StopSending() => Volatile.Write(ref _stopped, 1);

    /// <inheritdoc/>
    public override void OnEvent(SparkListenerEvent e)
    {
        if (Volatile.Read(ref _stopped) == 0)
        {
            try
            {
                publisher.Append(e);
                return;
            }
            catch (ObjectDisposedException)
            {
                // The run gave up on Redis between the check above and this call: counted below like the rest.
            }
        }

        Interlocked.Increment(ref _notSent);
    }
}
