using SparkScheduler.Events.Info;

namespace SparkScheduler.Simulation;

/// <summary>One launched attempt of a task, until it ends one way or another.</summary>
internal sealed class TaskAttempt(StageRun stage, TaskInfo info, ExecutorState executor, bool willFail)
{
    public StageRun Stage { get; } = stage;

    public TaskInfo Info { get; } = info;

    public ExecutorState Executor { get; } = executor;

    /// <summary>Decided at launch from the seeded random source, so a run is reproducible.</summary>
    public bool WillFail { get; } = willFail;

    /// <summary>Set once: its finish, failure, kill or loss has been posted.</summary>
    public bool Ended { get; set; }

    public bool SpeculationRequested { get; set; }
}
