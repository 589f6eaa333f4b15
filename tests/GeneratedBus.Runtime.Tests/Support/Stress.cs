using System;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>Stress sizes: short by default, longer with <c>GENERATEDBUS_STRESS=long</c>.</summary>
public static class Stress
{
    public static bool Long { get; } = string.Equals(Environment.GetEnvironmentVariable("GENERATEDBUS_STRESS"), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="short"/> normally, 20 times as much in long mode.</summary>
    public static int Scale(int @short) => Long ? @short * 20 : @short;
}
