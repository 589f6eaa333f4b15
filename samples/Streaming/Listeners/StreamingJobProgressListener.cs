namespace SparkStreaming;

/// <summary>
/// Spark's <c>StreamingJobProgressListener</c>, reduced to what the summary prints: batches waiting, running and
/// completed, records received and processed, and the mean delays of completed batches. It runs on the
/// <c>appStatus</c> dispatch thread; read it after the main bus has stopped.
/// </summary>
public sealed class StreamingJobProgressListener : StreamingListener
{
    private long _schedulingDelaySum;
    private long _processingDelaySum;
    private long _totalDelaySum;

    /// <summary>Batches submitted and not yet started.</summary>
    public int WaitingBatches { get; private set; }

    /// <summary>Batches started and not yet completed.</summary>
    public int RunningBatches { get; private set; }

    /// <summary>Batches completed.</summary>
    public int CompletedBatches { get; private set; }

    /// <summary>Records of every submitted batch.</summary>
    public long TotalReceivedRecords { get; private set; }

    /// <summary>Records of every completed batch.</summary>
    public long TotalProcessedRecords { get; private set; }

    /// <summary>Output operations completed.</summary>
    public int CompletedOutputOperations { get; private set; }

    /// <summary>Output operations that completed with a failure reason.</summary>
    public int FailedOutputOperations { get; private set; }

    /// <summary>The longest scheduling delay of a completed batch, in milliseconds.</summary>
    public long MaxSchedulingDelay { get; private set; }

    /// <summary>Mean scheduling delay of completed batches in milliseconds, or null before the first.</summary>
    public double? AverageSchedulingDelay => Mean(_schedulingDelaySum);

    /// <summary>Mean processing delay of completed batches in milliseconds, or null before the first.</summary>
    public double? AverageProcessingDelay => Mean(_processingDelaySum);

    /// <summary>Mean total delay of completed batches in milliseconds, or null before the first.</summary>
    public double? AverageTotalDelay => Mean(_totalDelaySum);

    /// <inheritdoc/>
    public override void OnBatchSubmitted(BatchSubmitted e)
    {
        WaitingBatches++;
        TotalReceivedRecords += e.BatchInfo.NumRecords;
    }

    /// <inheritdoc/>
    public override void OnBatchStarted(BatchStarted e)
    {
        WaitingBatches--;
        RunningBatches++;
    }

    /// <inheritdoc/>
    public override void OnOutputOperationCompleted(OutputOperationCompleted e)
    {
        CompletedOutputOperations++;
        if (e.OutputOperationInfo.FailureReason is not null)
        {
            FailedOutputOperations++;
        }
    }

    /// <inheritdoc/>
    public override void OnBatchCompleted(BatchCompleted e)
    {
        BatchInfo batch = e.BatchInfo;
        RunningBatches--;
        CompletedBatches++;
        TotalProcessedRecords += batch.NumRecords;

        // A completed batch has every time set. A missing one is a poster bug: the throw is logged and counted as
        // this listener's failure in the report, never skipped quietly.
        long scheduling = batch.SchedulingDelay!.Value;
        _schedulingDelaySum += scheduling;
        _processingDelaySum += batch.ProcessingDelay!.Value;
        _totalDelaySum += batch.TotalDelay!.Value;
        if (scheduling > MaxSchedulingDelay)
        {
            MaxSchedulingDelay = scheduling;
        }
    }

    private double? Mean(long sum) => CompletedBatches == 0 ? null : (double)sum / CompletedBatches;
}
