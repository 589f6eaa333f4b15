using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>How much of a resource each task of a resource profile needs (Spark's <c>TaskResourceRequest</c>).</summary>
/// <param name="ResourceName">The resource, such as <c>cpus</c> or <c>gpu</c>.</param>
/// <param name="Amount">How much per task (fractions share one unit).</param>
public sealed record TaskResourceRequest(
    [property: JsonPropertyName("Resource Name")] string ResourceName,
    [property: JsonPropertyName("Amount")] double Amount);
