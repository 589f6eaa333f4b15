using System;
using System.Threading;
using System.Threading.Tasks;
using ShopWorker.Events;

namespace ShopWorker.Storage;

/// <summary>
/// Persists every shop event to the <see cref="EventStore"/>, one row each, as an async listener on the <c>store</c>
/// queue: each insert is awaited before the queue hands it the next event, so rows keep the events' order. A failed
/// write faults the call: the bus counts and logs the failure, and the drain report shows rows falling short of the
/// events processed. The token is cancelled when shutdown gives up waiting, so a stuck insert ends with the host.
/// </summary>
/// <param name="store">The database, from DI.</param>
public sealed class EventStoreListener(EventStore store) : ShopAsyncListener
{
    private readonly EventStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc/>
    public override ValueTask OnOrderPlacedAsync(OrderPlaced e, CancellationToken cancellationToken) =>
        _store.AppendAsync(nameof(OrderPlaced), e.OrderId, e.Total, e.Customer, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask OnPaymentCapturedAsync(PaymentCaptured e, CancellationToken cancellationToken) =>
        _store.AppendAsync(nameof(PaymentCaptured), e.OrderId, e.Amount, null, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask OnOrderShippedAsync(OrderShipped e, CancellationToken cancellationToken) =>
        _store.AppendAsync(nameof(OrderShipped), e.OrderId, null, e.Carrier, cancellationToken);
}
