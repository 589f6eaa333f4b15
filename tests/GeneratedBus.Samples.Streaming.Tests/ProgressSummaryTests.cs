using System;
using System.Collections.Generic;
using System.Linq;
using SparkStreaming;

namespace GeneratedBus.Samples.Streaming.Tests;

/// <summary>The streaming progress listener against figures computed straight from the batch plan.</summary>
public sealed class ProgressSummaryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 3)]
    [InlineData(300, 42)]
    public void Summary_matches_the_plan(int batches, int seed)
    {
        using var context = new StreamingContext(new StreamingOptions { Batches = batches, Seed = seed });
        context.Run();
        StreamingJobProgressListener progress = context.Progress;

        // Straight from the plan's raw times, not through BatchInfo's delay properties.
        IReadOnlyList<BatchInfo> plan = BatchPlan.Create(batches, seed);
        double Mean(Func<BatchInfo, long> f) => plan.Average(b => (double)f(b));
        Assert.Equal(batches, progress.CompletedBatches);
        Assert.Equal(0, progress.WaitingBatches);
        Assert.Equal(0, progress.RunningBatches);
        Assert.Equal(plan.Sum(b => b.NumRecords), progress.TotalReceivedRecords);
        Assert.Equal(plan.Sum(b => b.NumRecords), progress.TotalProcessedRecords);
        Assert.Equal(plan.Sum(b => b.OutputOperations.Count), progress.CompletedOutputOperations);
        Assert.Equal(plan.Sum(b => b.OutputOperations.Count(o => o.FailureReason != null)), progress.FailedOutputOperations);
        Assert.Equal(Mean(b => b.ProcessingStartTime!.Value - b.BatchTime), progress.AverageSchedulingDelay!.Value, 9);
        Assert.Equal(Mean(b => b.ProcessingEndTime!.Value - b.ProcessingStartTime!.Value), progress.AverageProcessingDelay!.Value, 9);
        Assert.Equal(Mean(b => b.ProcessingEndTime!.Value - b.BatchTime), progress.AverageTotalDelay!.Value, 9);
        Assert.Equal(plan.Max(b => b.ProcessingStartTime!.Value - b.BatchTime), progress.MaxSchedulingDelay);

        Assert.Equal(plan.Sum(b => b.OutputOperations.Count), context.AppStatus.JobsStarted);
        Assert.Equal(progress.FailedOutputOperations, context.AppStatus.JobsFailed);
    }

    [Fact]
    public void Before_any_batch_completes_the_means_are_unknown()
    {
        var progress = new StreamingJobProgressListener();

        Assert.Null(progress.AverageSchedulingDelay);
        Assert.Null(progress.AverageProcessingDelay);
        Assert.Null(progress.AverageTotalDelay);
    }
}
