using System.Collections.Generic;

namespace SparkStreaming;

/// <summary>One micro-batch, as Spark's <c>BatchInfo</c>. Times are Unix milliseconds; unknown ones are null.</summary>
/// <param name="BatchTime">The batch's time: the end of the interval whose input it holds.</param>
/// <param name="NumRecords">Input records in the batch.</param>
/// <param name="SubmissionTime">When it was submitted to the job scheduler.</param>
/// <param name="ProcessingStartTime">When its first output operation started, once it has.</param>
/// <param name="ProcessingEndTime">When its last output operation ended, once it has.</param>
/// <param name="OutputOperations">Its output operations, by id.</param>
public sealed record BatchInfo(
    long BatchTime,
    long NumRecords,
    long SubmissionTime,
    long? ProcessingStartTime,
    long? ProcessingEndTime,
    IReadOnlyList<OutputOperationInfo> OutputOperations)
{
    /// <summary>How long the batch waited for earlier batches: start minus submission.</summary>
    public long? SchedulingDelay => ProcessingStartTime - SubmissionTime;

    /// <summary>How long processing took: end minus start.</summary>
    public long? ProcessingDelay => ProcessingEndTime - ProcessingStartTime;

    /// <summary>Scheduling plus processing delay: end minus submission.</summary>
    public long? TotalDelay => ProcessingEndTime - SubmissionTime;
}

/// <summary>One output operation of a batch, as Spark's <c>OutputOperationInfo</c>.</summary>
/// <param name="BatchTime">The batch it belongs to.</param>
/// <param name="Id">Its id within the batch, in the order the program declared the operations.</param>
/// <param name="Name">Its short name, such as <c>foreachRDD at Pipeline.scala:42</c>.</param>
/// <param name="Description">Its call site.</param>
/// <param name="StartTime">When it started, once it has.</param>
/// <param name="EndTime">When it ended, once it has.</param>
/// <param name="FailureReason">Why it failed, or null.</param>
public sealed record OutputOperationInfo(
    long BatchTime,
    int Id,
    string Name,
    string Description,
    long? StartTime,
    long? EndTime,
    string? FailureReason)
{
    /// <summary>End minus start, once both are known.</summary>
    public long? Duration => EndTime - StartTime;
}
