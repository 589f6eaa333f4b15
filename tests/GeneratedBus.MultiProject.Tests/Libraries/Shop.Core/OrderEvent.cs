namespace Shop.Orders;

/// <summary>Every order event; Payments and Shipping declare them, the app generates the one bus over them.</summary>
public abstract record OrderEvent(int OrderId);
