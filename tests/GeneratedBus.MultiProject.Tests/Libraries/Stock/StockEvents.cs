using GeneratedBus;

namespace Stock;

/// <summary>Stock's own root: this library generates StockBus.</summary>
public abstract record StockEvent;

/// <summary>An item was picked from a shelf.</summary>
/// <param name="Sku">The item.</param>
[BusEvent]
public sealed record ItemPicked(string Sku) : StockEvent;
