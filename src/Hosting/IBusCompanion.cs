using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Hosting;

/// <summary>
/// Something that runs beside a hosted bus, in step with it (GeneratedBus.Redis's publisher and subscriber): the bus's
/// hosted service starts it right after the bus, and on shutdown calls <see cref="BusStoppingAsync"/> before the bus
/// stops and <see cref="BusStoppedAsync"/> after it drained, so a source stops feeding the bus first and a sink is
/// flushed last. Companions start in registration order and stop in reverse.
/// </summary>
public interface IBusCompanion
{
    /// <summary>Called right after the bus started. A failure here fails the host's start: an outage should be retried in the background instead.</summary>
    /// <param name="cancellationToken">The host's start token.</param>
    /// <returns>A task that completes once started.</returns>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Called before the bus stops: post nothing more into it.</summary>
    /// <param name="cancellationToken">The host's stop token: the shutdown timeout has passed when it is cancelled.</param>
    /// <returns>A task that completes once nothing more is posted.</returns>
    Task BusStoppingAsync(CancellationToken cancellationToken);

    /// <summary>Called after the bus drained (or its stop gave up): flush, acknowledge and release.</summary>
    /// <param name="cancellationToken">The host's stop token.</param>
    /// <returns>A task that completes once stopped.</returns>
    Task BusStoppedAsync(CancellationToken cancellationToken);
}
