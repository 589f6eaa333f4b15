using System;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// One run of the small workload, shared by every test that only reads its output (the table, the report file), so
/// the suite does not repeat the same run a dozen times.
/// </summary>
public sealed class SmallRunFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SmallRunFixture() => Run = SampleRun.Small(_dir.Path);

    /// <summary>The directory holding the run's <c>report.html</c>; tests may add files of their own.</summary>
    internal TempDirectory Directory => _dir;

    internal SampleRun Run { get; }

    public void Dispose() => _dir.Dispose();
}
