using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;

namespace GeneratedBus.Generators.Tests;

/// <summary>The generated JSON codec, checked against the files in Snapshots/.</summary>
public class CodecSnapshotTests
{
    [Fact]
    public void EveryShape() => Snapshot.Verify(GeneratorRun.For(CodecInputs.EveryShape));
}
