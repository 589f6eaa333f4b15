using System.Collections.Generic;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Simulation;

/// <summary>A task waiting for a slot; a speculative one is a copy of a straggler.</summary>
internal readonly record struct PendingTask(int Index, bool Speculative);

/// <summary>The driver's bookkeeping for one running stage attempt.</summary>
internal sealed class StageRun(StageInfo info, bool isResultStage, bool cached, long typicalTaskMs)
{
    /// <summary>Spark's spark.task.maxFailures: this many failures of one task fail the stage.</summary>
    public const int MaxTaskFailures = 4;

    public StageInfo Info { get; set; } = info;

    public bool IsResultStage { get; } = isResultStage;

    public string TaskType => IsResultStage ? "ResultTask" : "ShuffleMapTask";

    /// <summary>Whether its output is cached: each finished task then stores a block.</summary>
    public bool Cached { get; } = cached;

    public long TypicalTaskMs { get; } = typicalTaskMs;

    public Queue<PendingTask> Pending { get; } = new();

    public bool[] Done { get; } = new bool[info.NumTasks];

    public int[] Failures { get; } = new int[info.NumTasks];

    public int[] AttemptsLaunched { get; } = new int[info.NumTasks];

    public List<TaskAttempt>?[] Running { get; } = new List<TaskAttempt>?[info.NumTasks];

    public int Remaining { get; set; } = info.NumTasks;

    public string? FailureReason { get; set; }

    public bool Finished => Remaining == 0 || FailureReason is not null;

    public bool IsRunning(int index) => Running[index] is { Count: > 0 };
}
