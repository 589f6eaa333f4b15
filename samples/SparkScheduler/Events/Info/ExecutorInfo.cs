using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>An executor as the cluster manager reported it (Spark's <c>ExecutorInfo</c>).</summary>
/// <param name="Host">The node it runs on.</param>
/// <param name="TotalCores">Task slots it offers.</param>
/// <param name="LogUrls">Where its stdout and stderr can be read; null when a log has none.</param>
/// <param name="ResourceProfileId">The resource profile it was started for (0, the default profile, in older logs).</param>
public sealed record ExecutorInfo(
    [property: JsonPropertyName("Host")] string Host,
    [property: JsonPropertyName("Total Cores")] int TotalCores,
    [property: JsonPropertyName("Log Urls")] IReadOnlyDictionary<string, string>? LogUrls,
    [property: JsonPropertyName("Resource Profile Id")] int ResourceProfileId = 0);
