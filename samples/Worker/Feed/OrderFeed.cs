using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopWorker.Events;
using ShopWorker.Reporting;

namespace ShopWorker.Feed;

/// <summary>
/// The shop's traffic: each order is placed, paid and shipped, three events posted with <c>PostAsync</c>, which waits
/// for room when the store queue (a <c>Wait</c> queue) is full. Registered after <c>AddShopBus</c>, so the host stops it
/// before the bus: the bus then drains everything it posted.
/// </summary>
public sealed class OrderFeed : BackgroundService
{
    private static readonly string[] s_customers = ["ada", "grace", "edsger", "barbara", "ken", "margaret"];
    private static readonly string[] s_carriers = ["post", "courier", "freight"];

    private readonly ShopBus _bus;
    private readonly FeedOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<OrderFeed> _logger;

    /// <summary>Makes the feed; the host runs it.</summary>
    /// <param name="bus">The bus it posts to.</param>
    /// <param name="options">Its rate and length.</param>
    /// <param name="lifetime">Stopped when a fixed number of orders is done.</param>
    /// <param name="logger">Says what it posted when it stops.</param>
    public OrderFeed(ShopBus bus, IOptions<FeedOptions> options, IHostApplicationLifetime lifetime, ILogger<OrderFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _options = options.Value;
        _lifetime = lifetime ?? throw new ArgumentNullException(nameof(lifetime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var random = new Random(_options.Seed);
        TimeSpan pause = _options.EventsPerSecond > 0 ? TimeSpan.FromSeconds(3.0 / _options.EventsPerSecond) : TimeSpan.Zero;
        long orders = 0;
        try
        {
            while (_options.Orders == 0 || orders < _options.Orders)
            {
                long id = orders + 1;
                long total = random.Next(100, 100_000);
                await _bus.PostAsync(new OrderPlaced(id, s_customers[random.Next(s_customers.Length)], total), stoppingToken).ConfigureAwait(false);
                await _bus.PostAsync(new PaymentCaptured(id, total), stoppingToken).ConfigureAwait(false);
                await _bus.PostAsync(new OrderShipped(id, s_carriers[random.Next(s_carriers.Length)]), stoppingToken).ConfigureAwait(false);
                orders = id;
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: an order cut short is posted in part, and a post cut short while it waited for
            // room is counted by the bus as dropped. The drain report accounts for both.
        }

        long queued = _bus.GetStats().Queues.Values.Sum(q => q.Posted - q.Processed - q.Dropped);
        _logger.FeedStopped(orders, queued);
        if (_options.Orders > 0 && orders == _options.Orders)
        {
            _lifetime.StopApplication();
        }
    }
}
