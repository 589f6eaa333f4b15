using System;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// A fact that needs Spark's event logs (<see cref="SparkEventsFolder"/>). Without them it is skipped with a message
/// saying where they were looked for, except under <c>CI=true</c>, where it runs and fails: CI must have the data.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SparkEventsFactAttribute : FactAttribute
{
    public SparkEventsFactAttribute() => Skip = SparkEventsFolder.SkipReason;
}
