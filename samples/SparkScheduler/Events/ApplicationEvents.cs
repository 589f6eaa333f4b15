using System.Collections.Generic;
using System.Text.Json.Serialization;
using GeneratedBus;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Events;

/// <summary>The application started (Spark's <c>SparkListenerApplicationStart</c>).</summary>
/// <param name="AppName">The application's name.</param>
/// <param name="AppId">The id the cluster manager gave it.</param>
/// <param name="Time">When it started.</param>
/// <param name="SparkUser">Who runs it.</param>
/// <param name="AppAttemptId">The attempt, on cluster managers that retry applications (YARN); null otherwise.</param>
[BusEvent("SparkListenerApplicationStart")]
public sealed record ApplicationStart(
    [property: JsonPropertyName("App Name")] string AppName,
    [property: JsonPropertyName("App ID")] string AppId,
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("User")] string SparkUser,
    [property: JsonPropertyName("App Attempt ID")] string? AppAttemptId = null) : SparkListenerEvent;

/// <summary>The application ended (Spark's <c>SparkListenerApplicationEnd</c>).</summary>
/// <param name="Time">When it ended.</param>
/// <param name="ExitCode">The driver's exit code (0 when a log does not say).</param>
[BusEvent("SparkListenerApplicationEnd")]
public sealed record ApplicationEnd(
    [property: JsonPropertyName("Timestamp")] long Time,
    [property: JsonPropertyName("Exit Code")] int ExitCode) : SparkListenerEvent;

/// <summary>The environment was (re)read (Spark's <c>SparkListenerEnvironmentUpdate</c>).</summary>
/// <param name="Time">When (not in Spark's logs).</param>
/// <param name="SparkProperties">The Spark configuration.</param>
/// <param name="SystemProperties">JVM and OS facts.</param>
[BusEvent("SparkListenerEnvironmentUpdate")]
public sealed record EnvironmentUpdate(
    long Time,
    [property: JsonPropertyName("Spark Properties")] IReadOnlyDictionary<string, string> SparkProperties,
    [property: JsonPropertyName("System Properties")] IReadOnlyDictionary<string, string> SystemProperties) : SparkListenerEvent;

/// <summary>The first line of every Spark 1.3+ event log (Spark's <c>SparkListenerLogStart</c>).</summary>
/// <param name="SparkVersion">The Spark version that wrote the log.</param>
/// <param name="Time">Not in Spark's logs: 0.</param>
[BusEvent("SparkListenerLogStart")]
public sealed record LogStart([property: JsonPropertyName("Spark Version")] string SparkVersion, long Time = 0) : SparkListenerEvent;

/// <summary>A resource profile for stage-level scheduling was registered (Spark's <c>SparkListenerResourceProfileAdded</c>).</summary>
/// <param name="ResourceProfileId">The profile's id.</param>
/// <param name="TaskResources">What each task of the profile needs, by resource name; null when a log has none.</param>
/// <param name="Time">Not in Spark's logs: 0.</param>
[BusEvent("SparkListenerResourceProfileAdded")]
public sealed record ResourceProfileAdded(
    [property: JsonPropertyName("Resource Profile Id")] int ResourceProfileId,
    [property: JsonPropertyName("Task Resource Requests")] IReadOnlyDictionary<string, TaskResourceRequest>? TaskResources = null,
    long Time = 0) : SparkListenerEvent;
