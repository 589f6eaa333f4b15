using System.Text.Json.Serialization;

namespace SparkScheduler.Events.Info;

/// <summary>How a job ended (Spark's <c>JobResult</c>: <c>"JobSucceeded"</c> or <c>"JobFailed"</c> with its exception).</summary>
/// <param name="Result">Spark's name of the outcome.</param>
/// <param name="Exception">Why it failed, or null.</param>
public sealed record JobResult(
    [property: JsonPropertyName("Result")] string Result,
    [property: JsonPropertyName("Exception")] JobException? Exception = null)
{
    /// <summary>The result of a job whose stages all succeeded.</summary>
    public static JobResult Success { get; } = new("JobSucceeded");

    /// <summary>Whether the job succeeded.</summary>
    public bool Succeeded => Result == "JobSucceeded";

    /// <summary>The result of a job that failed for <paramref name="message"/>.</summary>
    public static JobResult Failed(string message) => new("JobFailed", new JobException(message));
}

/// <summary>The exception a failed job carries.</summary>
/// <param name="Message">Its message.</param>
public sealed record JobException([property: JsonPropertyName("Message")] string Message);
