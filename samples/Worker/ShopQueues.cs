namespace ShopWorker;

/// <summary>The bus's queue names, as <c>appsettings.json</c> spells them under <c>GeneratedBus:ShopBus:Queues</c>.</summary>
public static class ShopQueues
{
    /// <summary>The queue of the SQLite listener: a <c>Wait</c> queue, so that the feed slows down rather than lose events.</summary>
    public const string Store = "store";
}
