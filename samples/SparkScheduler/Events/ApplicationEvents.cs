using System.Collections.Generic;
using GeneratedBus;

namespace SparkScheduler.Events;

/// <summary>The application started (Spark's <c>SparkListenerApplicationStart</c>).</summary>
/// <param name="AppName">The application's name.</param>
/// <param name="AppId">The id the cluster manager gave it.</param>
/// <param name="Time">When it started.</param>
/// <param name="SparkUser">Who runs it.</param>
[BusEvent]
public sealed record ApplicationStart(string AppName, string AppId, long Time, string SparkUser) : SparkListenerEvent(Time);

/// <summary>The application ended (Spark's <c>SparkListenerApplicationEnd</c>).</summary>
/// <param name="Time">When it ended.</param>
/// <param name="ExitCode">The driver's exit code.</param>
[BusEvent]
public sealed record ApplicationEnd(long Time, int ExitCode) : SparkListenerEvent(Time);

/// <summary>The environment was (re)read (Spark's <c>SparkListenerEnvironmentUpdate</c>).</summary>
/// <param name="Time">When.</param>
/// <param name="SparkProperties">The Spark configuration.</param>
/// <param name="SystemProperties">JVM and OS facts.</param>
[BusEvent]
public sealed record EnvironmentUpdate(
    long Time,
    IReadOnlyDictionary<string, string> SparkProperties,
    IReadOnlyDictionary<string, string> SystemProperties) : SparkListenerEvent(Time);
