using System;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>A theory that needs Spark's event logs: skipped without them, failing under <c>CI=true</c> (see <see cref="SparkEventsFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SparkEventsTheoryAttribute : TheoryAttribute
{
    public SparkEventsTheoryAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (SparkEventsFolder.Path is null && !ci)
        {
            Skip = SparkEventsFolder.MissingMessage;
        }
    }
}
