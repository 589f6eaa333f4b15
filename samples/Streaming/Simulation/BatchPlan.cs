using System;
using System.Collections.Generic;

namespace SparkStreaming;

/// <summary>
/// A seeded, deterministic run of a streaming application: the batches as they will complete. Batches arrive once per
/// <see cref="BatchInterval"/> and run one at a time (Spark's default <c>spark.streaming.concurrentJobs = 1</c>), so a
/// burst of input that takes longer than an interval delays the batches behind it: that is the scheduling delay.
/// </summary>
public static class BatchPlan
{
    /// <summary>When the application starts, in Unix milliseconds; the first batch time is one interval later.</summary>
    public const long StartTime = 1_700_000_000_000;

    /// <summary>The batch interval in milliseconds.</summary>
    public const long BatchInterval = 1_000;

    /// <summary>The most output operations a batch runs.</summary>
    public const int MaxOutputOperations = 3;

    // The output operations of the simulated program, in declaration order; a batch runs the first one, two or three.
    private static readonly (string Name, string Description)[] Operations =
    [
        ("foreachRDD at Pipeline.scala:42", "org.apache.spark.streaming.dstream.DStream.foreachRDD(DStream.scala:628)"),
        ("print at Pipeline.scala:57", "org.apache.spark.streaming.dstream.DStream.print(DStream.scala:735)"),
        ("saveAsTextFiles at Pipeline.scala:63", "org.apache.spark.streaming.dstream.DStream.saveAsTextFiles(DStream.scala:921)"),
    ];

    /// <summary>Plans <paramref name="batches"/> batches; the same seed always gives the same plan.</summary>
    /// <param name="batches">How many batches, at least one.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The completed batches in batch-time order, every time set.</returns>
    public static IReadOnlyList<BatchInfo> Create(int batches, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        var random = new Random(seed);
        var plan = new BatchInfo[batches];
        long previousEnd = StartTime;
        for (int i = 0; i < batches; i++)
        {
            long batchTime = StartTime + ((i + 1) * BatchInterval);

            // Mostly steady input with an occasional burst ten times larger.
            long records = random.Next(10) == 0 ? random.Next(20_000, 40_000) : random.Next(500, 5_000);
            long start = Math.Max(batchTime, previousEnd);
            var operations = new OutputOperationInfo[1 + random.Next(MaxOutputOperations)];
            long time = start;
            for (int id = 0; id < operations.Length; id++)
            {
                // Cost grows with the input; one operation in fifty fails, and the batch still completes.
                long duration = 20 + (records / 40) + random.Next(100);
                string? failure = random.Next(50) == 0 ? FailureReason(random) : null;
                operations[id] = new OutputOperationInfo(
                    batchTime, id, Operations[id].Name, Operations[id].Description, time, time + duration, failure);
                time += duration;
            }

            plan[i] = new BatchInfo(batchTime, records, SubmissionTime: batchTime, start, time, operations);
            previousEnd = time;
        }

        return plan;
    }

    private static string FailureReason(Random random) =>
        $"org.apache.spark.SparkException: Job aborted due to stage failure: Task {random.Next(8)} in stage " +
        $"{random.Next(1_000)}.0 failed 4 times, most recent failure: java.io.IOException: Connection reset by peer";
}
