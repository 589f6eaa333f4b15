using System.Collections.Generic;
using System.Linq;

namespace SparkStreaming;

/// <summary>
/// Replays a <see cref="BatchPlan"/> the way Spark's streaming <c>JobScheduler</c> reports it: streaming events through
/// <see cref="StreamingBridge.Post"/> (which wraps them for the main bus) and one Spark job per output operation
/// straight on the main bus, all in time order. A batch is submitted at its batch time, which may fall while an
/// earlier batch is still running.
/// </summary>
public static class SimulatedJobScheduler
{
    /// <summary>The name the application starts with.</summary>
    public const string AppName = "NetworkWordCount";

    /// <summary>Posts the whole run: application start, every batch, application end.</summary>
    /// <param name="plan">The batches, from <see cref="BatchPlan.Create"/>.</param>
    /// <param name="sparkBus">The main bus.</param>
    /// <param name="streaming">The bridge that posts streaming events; they ride on <paramref name="sparkBus"/>.</param>
    public static void Replay(IReadOnlyList<BatchInfo> plan, SparkBus sparkBus, StreamingBridge streaming)
    {
        sparkBus.Post(new ApplicationStart(AppName, "app-20231114221320-0001", BatchPlan.StartTime, "spark"));
        int submitted = 0;
        int jobId = 0;

        // Posts BatchSubmitted for every batch whose time has come by `now`, before what happens at `now`.
        void SubmitDueBatches(long now)
        {
            for (; submitted < plan.Count && plan[submitted].SubmissionTime <= now; submitted++)
            {
                BatchInfo batch = plan[submitted];
                streaming.Post(new BatchSubmitted(batch with
                {
                    ProcessingStartTime = null,
                    ProcessingEndTime = null,
                    OutputOperations = NotStarted(batch.OutputOperations),
                }));
            }
        }

        foreach (BatchInfo batch in plan)
        {
            SubmitDueBatches(batch.ProcessingStartTime!.Value);
            streaming.Post(new BatchStarted(batch with
            {
                ProcessingEndTime = null,
                OutputOperations = NotStarted(batch.OutputOperations),
            }));
            foreach (OutputOperationInfo operation in batch.OutputOperations)
            {
                SubmitDueBatches(operation.StartTime!.Value);
                streaming.Post(new OutputOperationStarted(operation with { EndTime = null, FailureReason = null }));
                sparkBus.Post(new JobStart(
                    jobId, operation.StartTime.Value, $"Streaming job from [output operation {operation.Id}, batch time {batch.BatchTime}]"));
                SubmitDueBatches(operation.EndTime!.Value);
                sparkBus.Post(new JobEnd(jobId++, operation.EndTime.Value, Succeeded: operation.FailureReason is null));
                streaming.Post(new OutputOperationCompleted(operation));
            }

            streaming.Post(new BatchCompleted(batch));
        }

        sparkBus.Post(new ApplicationEnd(plan[^1].ProcessingEndTime!.Value));
    }

    /// <summary>How many main-bus events <see cref="Replay"/> posts for <paramref name="plan"/>, wrappers included.</summary>
    /// <param name="plan">The batches.</param>
    /// <returns>Two for the application, three per batch, four per output operation (two streaming, two job events).</returns>
    public static int EventsPosted(IReadOnlyList<BatchInfo> plan) =>
        2 + plan.Sum(b => 3 + (4 * b.OutputOperations.Count));

    private static OutputOperationInfo[] NotStarted(IReadOnlyList<OutputOperationInfo> operations) =>
        operations.Select(o => o with { StartTime = null, EndTime = null, FailureReason = null }).ToArray();
}
