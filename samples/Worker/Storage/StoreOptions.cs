namespace ShopWorker.Storage;

/// <summary>Where the events go: the configuration section <c>Store</c>.</summary>
public sealed class StoreOptions
{
    /// <summary>The section's path in configuration.</summary>
    public const string Section = "Store";

    /// <summary>The SQLite file, relative to the working directory; made on first use.</summary>
    public string DatabasePath { get; set; } = "shop-events.db";
}
