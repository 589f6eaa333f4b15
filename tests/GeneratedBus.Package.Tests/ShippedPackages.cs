namespace GeneratedBus.Package.Tests;

/// <summary>Every package this repository ships, by id and project; each suite here covers all of them.</summary>
internal static class ShippedPackages
{
    /// <summary>The repository the packages name, as Directory.Build.props sets RepositoryUrl.</summary>
    public const string RepositoryUrl = "https://github.com/generatedbus/generatedbus";

    public static readonly (string Id, string Project)[] All =
    [
        ("GeneratedBus", "src/Runtime/GeneratedBus.csproj"),
        ("GeneratedBus.Hosting", "src/Hosting/GeneratedBus.Hosting.csproj"),
        ("GeneratedBus.Testing", "src/Testing/GeneratedBus.Testing.csproj"),
        ("GeneratedBus.Redis", "src/Redis/GeneratedBus.Redis.csproj"),
    ];
}
