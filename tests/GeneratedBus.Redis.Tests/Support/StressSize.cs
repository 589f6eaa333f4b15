using System;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Stress tests run short in every run (the README's test command runs them too); GENERATEDBUS_STRESS=long runs the sizes.</summary>
public static class StressSize
{
    public static bool Long { get; } =
        string.Equals(Environment.GetEnvironmentVariable("GENERATEDBUS_STRESS"), "long", StringComparison.OrdinalIgnoreCase);
}
