using System;
using ShopWorker.Events;

namespace ShopWorker.Storage;

/// <summary>
/// Persists every shop event to the <see cref="EventStore"/>, one row each, on the <c>store</c> queue's thread. A
/// failed write throws: the bus counts and logs the failure, and the drain report shows rows falling short of the
/// events processed.
/// </summary>
/// <param name="store">The database, from DI.</param>
public sealed class EventStoreListener(EventStore store) : ShopListener
{
    private readonly EventStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc/>
    public override void OnOrderPlaced(OrderPlaced e) =>
        _store.Append(nameof(OrderPlaced), e.OrderId, e.Total, e.Customer);

    /// <inheritdoc/>
    public override void OnPaymentCaptured(PaymentCaptured e) =>
        _store.Append(nameof(PaymentCaptured), e.OrderId, e.Amount, null);

    /// <inheritdoc/>
    public override void OnOrderShipped(OrderShipped e) =>
        _store.Append(nameof(OrderShipped), e.OrderId, null, e.Carrier);
}
