using System;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Hosting;
using GeneratedBus.Redis.Subscribing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeneratedBus.Redis.Hosting;

/// <summary>
/// A hosted subscriber's place in the bus's lifecycle: a source. It starts reading right after the bus started (in
/// the background, retrying with back-off while Redis is unreachable, so the host starts anyway); on shutdown it stops
/// reading before the bus stops, and once the bus drained it acknowledges what the queue processed and logs its counts.
/// </summary>
internal sealed class RedisSubscriberCompanion<TEvent>(
    RedisStreamSubscriber<TEvent> subscriber, RedisSubscriberSettings settings, IConnectionMultiplexer connection, ILogger logger) : IBusCompanion
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private volatile bool _reading;
    private volatile string? _startFailure;

    public RedisStreamSubscriber<TEvent> Subscriber => subscriber;

    public IConnectionMultiplexer Connection => connection;

    /// <summary>Whether it reads: started, and not yet told to stop.</summary>
    public bool IsReading => _reading;

    /// <summary>Why the last attempt to start failed, while it has not started.</summary>
    public string? StartFailure => _reading ? null : _startFailure;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(StartWithRetriesAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task BusStoppingAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _starting.ConfigureAwait(false);
        await subscriber.StopReadingAsync().ConfigureAwait(false);
        _reading = false;
    }

    public async Task BusStoppedAsync(CancellationToken cancellationToken)
    {
        await subscriber.DisposeAsync().ConfigureAwait(false); // acknowledges what the drained queue processed
        _stopping.Dispose();
        logger.SubscriberStopped(settings.Group, settings.Consumer, subscriber.GetStats().ToString());
    }

    private async Task StartWithRetriesAsync()
    {
        TimeSpan delay = FirstRetryDelay;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await subscriber.StartAsync().ConfigureAwait(false);
                _reading = true;
                logger.SubscriberStarted(settings.Group, settings.Consumer, settings.StreamName);
                return;
            }
            catch (Exception ex) when (ex is not InvalidOperationException)
            {
                // Unreachable, or a server error (a key of the wrong type): logged each time, and the health check says why.
                _startFailure = ex.Message;
                logger.SubscriberStartFailed(settings.Group, settings.Consumer, delay, ex);
            }

            try
            {
                await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxStartRetryDelay.Ticks));
        }
    }
}
