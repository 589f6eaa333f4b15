namespace GeneratedBus.Benchmarks.Events.Spark;

/// <summary>A listener of the 22-event bus that handles every event with a counter bump.</summary>
/// <typeparam name="TTag">Only makes the class distinct (see <see cref="Events.Distinct"/>).</typeparam>
public sealed class SparkSumListener<TTag> : SparkListener, ICounted
    where TTag : struct
{
    public long Sum { get; private set; }

    public override void OnApplicationStart(ApplicationStart e) => Sum += e.Id;

    public override void OnApplicationEnd(ApplicationEnd e) => Sum += e.Id;

    public override void OnJobStart(JobStart e) => Sum += e.Id;

    public override void OnJobEnd(JobEnd e) => Sum += e.Id;

    public override void OnStageSubmitted(StageSubmitted e) => Sum += e.Id;

    public override void OnStageCompleted(StageCompleted e) => Sum += e.Id;

    public override void OnTaskStart(TaskStart e) => Sum += e.Id;

    public override void OnTaskGettingResult(TaskGettingResult e) => Sum += e.Id;

    public override void OnTaskEnd(TaskEnd e) => Sum += e.Id;

    public override void OnEnvironmentUpdate(EnvironmentUpdate e) => Sum += e.Id;

    public override void OnBlockManagerAdded(BlockManagerAdded e) => Sum += e.Id;

    public override void OnBlockManagerRemoved(BlockManagerRemoved e) => Sum += e.Id;

    public override void OnUnpersistRdd(UnpersistRdd e) => Sum += e.Id;

    public override void OnExecutorAdded(ExecutorAdded e) => Sum += e.Id;

    public override void OnExecutorRemoved(ExecutorRemoved e) => Sum += e.Id;

    public override void OnExecutorExcluded(ExecutorExcluded e) => Sum += e.Id;

    public override void OnExecutorUnexcluded(ExecutorUnexcluded e) => Sum += e.Id;

    public override void OnNodeExcluded(NodeExcluded e) => Sum += e.Id;

    public override void OnNodeUnexcluded(NodeUnexcluded e) => Sum += e.Id;

    public override void OnBlockUpdated(BlockUpdated e) => Sum += e.Id;

    public override void OnExecutorMetricsUpdate(ExecutorMetricsUpdate e) => Sum += e.Id;

    public override void OnSpeculativeTaskSubmitted(SpeculativeTaskSubmitted e) => Sum += e.Id;
}
