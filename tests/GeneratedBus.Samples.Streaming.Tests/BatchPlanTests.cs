using System.Collections.Generic;
using System.Linq;
using SparkStreaming;

namespace GeneratedBus.Samples.Streaming.Tests;

/// <summary>The simulated input: deterministic, and shaped like a real streaming run.</summary>
public sealed class BatchPlanTests
{
    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        string Describe(IReadOnlyList<BatchInfo> plan) => string.Join(
            ";", plan.Select(b => $"{b.NumRecords},{b.ProcessingEndTime},{string.Join(",", b.OutputOperations)}"));

        Assert.Equal(Describe(BatchPlan.Create(50, 11)), Describe(BatchPlan.Create(50, 11)));
        Assert.NotEqual(Describe(BatchPlan.Create(50, 11)), Describe(BatchPlan.Create(50, 12)));
    }

    [Fact]
    public void Batches_arrive_every_interval_and_run_one_at_a_time()
    {
        IReadOnlyList<BatchInfo> plan = BatchPlan.Create(500, 42);
        long previousEnd = BatchPlan.StartTime;
        for (int i = 0; i < plan.Count; i++)
        {
            BatchInfo b = plan[i];
            Assert.Equal(BatchPlan.StartTime + ((i + 1) * BatchPlan.BatchInterval), b.BatchTime);
            Assert.Equal(b.BatchTime, b.SubmissionTime);
            Assert.Equal(System.Math.Max(b.BatchTime, previousEnd), b.ProcessingStartTime);
            Assert.InRange(b.OutputOperations.Count, 1, BatchPlan.MaxOutputOperations);
            Assert.Equal(Enumerable.Range(0, b.OutputOperations.Count), b.OutputOperations.Select(o => o.Id));

            // The operations run back to back and fill the batch's processing time.
            long time = b.ProcessingStartTime!.Value;
            foreach (OutputOperationInfo o in b.OutputOperations)
            {
                Assert.Equal(b.BatchTime, o.BatchTime);
                Assert.Equal(time, o.StartTime);
                Assert.True(o.EndTime > o.StartTime);
                time = o.EndTime!.Value;
            }

            Assert.Equal(time, b.ProcessingEndTime);
            previousEnd = time;
        }

        // A run worth summarizing: bursts delay later batches, and some operations fail.
        Assert.Contains(plan, b => b.SchedulingDelay > 0);
        Assert.Contains(plan, b => b.SchedulingDelay == 0);
        Assert.Contains(plan, b => b.OutputOperations.Any(o => o.FailureReason != null));
    }
}
