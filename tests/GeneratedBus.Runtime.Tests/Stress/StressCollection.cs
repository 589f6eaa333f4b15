namespace GeneratedBus.Runtime.Tests.StressTests;

/// <summary>
/// The stress classes run one after another, not in parallel with each other: each already keeps both cores busy,
/// and together they would only measure the scheduler. The other test classes still run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
