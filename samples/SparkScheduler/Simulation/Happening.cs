namespace SparkScheduler.Simulation;

/// <summary>What can happen next in simulated time.</summary>
internal enum HappeningKind
{
    TaskFinished,
    SpeculationCheck,
    Heartbeat,
    ExecutorKilled,
    ExecutorHangs,
    HungExecutorExpired,
    ExecutorReplaced,
    Unblacklist,
}

/// <summary>A scheduled happening; <see cref="Attempt"/> or <see cref="Executor"/> says to whom.</summary>
internal sealed record Happening(HappeningKind Kind, TaskAttempt? Attempt = null, ExecutorState? Executor = null);
