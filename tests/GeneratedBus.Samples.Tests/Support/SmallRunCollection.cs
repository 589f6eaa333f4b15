namespace GeneratedBus.Samples.Tests.Support;

/// <summary>The test classes that share <see cref="SmallRunFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SmallRunCollection : ICollectionFixture<SmallRunFixture>
{
    public const string Name = "small run";
}
