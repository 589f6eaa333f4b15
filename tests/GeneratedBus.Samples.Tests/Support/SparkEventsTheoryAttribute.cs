using System;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>A theory that needs Spark's event logs: skipped without them, failing under <c>CI=true</c> (see <see cref="SparkEventsFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SparkEventsTheoryAttribute : TheoryAttribute
{
    public SparkEventsTheoryAttribute() => Skip = SparkEventsFolder.SkipReason;
}
