namespace GeneratedBus.Generators.Tests.Inputs;

/// <summary>The inputs of the snapshot tests; the compile-clean tests compile each of them with its output.</summary>
public static class SnapshotInputs
{
    public const string OneEvent = """
        using GeneratedBus;

        namespace Acme.Scheduling;

        public abstract record SchedulerEvent;

        [BusEvent]
        public sealed record JobStart(int JobId, long Time) : SchedulerEvent;
        """;

    public const string Scheduler = """
        using GeneratedBus;

        namespace Acme.Scheduling;

        public abstract record SchedulerEvent;

        /// <summary>Called when a job starts.</summary>
        [BusEvent] public sealed record JobStart(int JobId, long Time) : SchedulerEvent;
        [BusEvent] public sealed record JobEnd(int JobId, long Time, bool Succeeded) : SchedulerEvent;
        [BusEvent] public sealed record HeartbeatEvent(string ExecutorId) : SchedulerEvent;
        public sealed record SqlExecutionStart(long Id) : SchedulerEvent;
        """;

    public const string SparkScheduler = """
        using System.Collections.Generic;
        using GeneratedBus;

        namespace Spark.Scheduler;

        public abstract record SparkEvent;

        public sealed record StageInfo(int StageId, int AttemptNumber, string Name, int NumTasks);
        public sealed record TaskInfo(long TaskId, int Index, int Attempt, long LaunchTime, string ExecutorId, string Host);
        public sealed record TaskMetrics(long ExecutorRunTime, long ExecutorCpuTime, long ResultSize, long JvmGcTime);
        public sealed record ExecutorInfo(string ExecutorHost, int TotalCores, IReadOnlyDictionary<string, string> LogUrls);
        public sealed record BlockManagerId(string ExecutorId, string Host, int Port);
        public sealed record BlockUpdatedInfo(BlockManagerId BlockManagerId, string BlockId, string StorageLevel, long MemSize, long DiskSize);

        [BusEvent] public sealed record StageSubmitted(StageInfo StageInfo, IReadOnlyDictionary<string, string>? Properties) : SparkEvent;
        [BusEvent] public sealed record StageCompleted(StageInfo StageInfo) : SparkEvent;
        [BusEvent] public sealed record TaskStart(int StageId, int StageAttemptId, TaskInfo TaskInfo) : SparkEvent;
        [BusEvent] public sealed record TaskGettingResult(TaskInfo TaskInfo) : SparkEvent;
        [BusEvent] public sealed record TaskEnd(int StageId, int StageAttemptId, string TaskType, string Reason, TaskInfo TaskInfo, TaskMetrics? TaskMetrics) : SparkEvent;
        [BusEvent] public sealed record JobStart(int JobId, long Time, IReadOnlyList<StageInfo> StageInfos, IReadOnlyDictionary<string, string>? Properties) : SparkEvent;
        [BusEvent] public sealed record JobEnd(int JobId, long Time, string JobResult) : SparkEvent;
        [BusEvent] public sealed record EnvironmentUpdate(IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> EnvironmentDetails) : SparkEvent;
        [BusEvent] public sealed record BlockManagerAdded(long Time, BlockManagerId BlockManagerId, long MaxMem, long? MaxOnHeapMem, long? MaxOffHeapMem) : SparkEvent;
        [BusEvent] public sealed record BlockManagerRemoved(long Time, BlockManagerId BlockManagerId) : SparkEvent;
        [BusEvent] public sealed record UnpersistRDD(int RddId) : SparkEvent;
        [BusEvent] public sealed record ApplicationStart(string AppName, string? AppId, long Time, string SparkUser, string? AppAttemptId) : SparkEvent;
        [BusEvent] public sealed record ApplicationEnd(long Time) : SparkEvent;
        [BusEvent] public sealed record ExecutorMetricsUpdate(string ExecId, IReadOnlyList<(long TaskId, int StageId, int StageAttemptId)> AccumUpdates) : SparkEvent;
        [BusEvent] public sealed record ExecutorAdded(long Time, string ExecutorId, ExecutorInfo ExecutorInfo) : SparkEvent;
        [BusEvent] public sealed record ExecutorRemoved(long Time, string ExecutorId, string Reason) : SparkEvent;
        [BusEvent] public sealed record ExecutorBlacklisted(long Time, string ExecutorId, int TaskFailures) : SparkEvent;
        [BusEvent] public sealed record ExecutorUnblacklisted(long Time, string ExecutorId) : SparkEvent;
        [BusEvent] public sealed record NodeBlacklisted(long Time, string HostId, int ExecutorFailures) : SparkEvent;
        [BusEvent] public sealed record NodeUnblacklisted(long Time, string HostId) : SparkEvent;
        [BusEvent] public sealed record BlockUpdated(BlockUpdatedInfo BlockUpdatedInfo) : SparkEvent;
        [BusEvent] public sealed record SpeculativeTaskSubmitted(int StageId, int StageAttemptId) : SparkEvent;
        """;

    public const string TwoBuses = """
        using GeneratedBus;

        namespace Acme.Platform;

        public abstract record SchedulerEvent;
        public abstract record StorageEvents;

        [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
        [BusEvent] public sealed record BlockWritten(string BlockId, long Bytes) : StorageEvents;
        [BusEvent] public sealed record JobEnd(int JobId, bool Succeeded) : SchedulerEvent;
        """;

    public const string NestedNamespaces = """
        using GeneratedBus;

        namespace Acme
        {
            namespace Scheduling.Jobs
            {
                public abstract record JobEvent;

                [BusEvent] public sealed record Submitted(int JobId) : JobEvent;
            }

            namespace Scheduling.Jobs.Retries
            {
                [BusEvent] public sealed record RetryScheduled(int JobId, int Attempt) : Scheduling.Jobs.JobEvent;
            }
        }
        """;

    public const string RecordStructInterfaceRoot = """
        using GeneratedBus;

        namespace Acme.Metrics;

        [EventBus]
        public interface IMetricEvent
        {
        }

        [BusEvent] public readonly record struct CpuSample(string Host, double Load) : IMetricEvent;
        [BusEvent] public record struct MemorySample(string Host, long UsedBytes) : IMetricEvent;
        [BusEvent] public sealed record ThresholdCrossed(string Metric, double Value) : IMetricEvent;
        """;

    public const string DocsCarriedOver = """
        using GeneratedBus;

        namespace Acme.Scheduling;

        public abstract record SchedulerEvent;

        /// <summary>
        /// Raised when the scheduler submits a <see cref="Stage"/> with
        /// <paramref name="TaskCount"/> tasks.
        /// </summary>
        /// <remarks>Posted before any task of the stage starts.</remarks>
        /// <param name="TaskCount">How many tasks.</param>
        [BusEvent] public sealed record StageSubmitted(int TaskCount) : SchedulerEvent;

        /// <summary>Malformed: the tag is never closed.
        [BusEvent] public sealed record StageCompleted(int StageId) : SchedulerEvent;

        /// <remarks>Only remarks, no summary.</remarks>
        [BusEvent] public sealed record StageCancelled(int StageId) : SchedulerEvent;

        /// <summary>
        /// <para>Raised when a stage is retried; A &amp; B &lt; C.</para>
        /// <code>
        /// if (e.Attempt > 3)
        ///     Alert();
        /// </code>
        /// </summary>
        [BusEvent] public sealed record StageRetried(int StageId, int Attempt) : SchedulerEvent;

        public sealed class Stage
        {
        }
        """;

    public const string NamedBus = """
        using GeneratedBus;

        namespace Acme.Telemetry;

        [EventBus("Telemetry")]
        public abstract record Signal;

        [BusEvent] public sealed record Gauge(string Name, double Value) : Signal;
        [BusEvent] public sealed record Counter(string Name, long Delta) : Signal;
        """;

    public const string NonSealedHierarchy = """
        using GeneratedBus;

        namespace Acme.Scheduling;

        public abstract record SchedulerEvent;

        [BusEvent] public record TaskEvent(long TaskId) : SchedulerEvent;
        [BusEvent] public record TaskEnd(long TaskId, string Reason) : TaskEvent(TaskId);
        [BusEvent] public sealed record TaskKilled(long TaskId, string Reason, string KilledBy) : TaskEnd(TaskId, Reason);
        [BusEvent] public abstract record StageEvent(int StageId) : SchedulerEvent;
        [BusEvent] public sealed record StageDone(int StageId) : StageEvent(StageId);
        public sealed record TaskFailed(long TaskId, string Reason) : TaskEnd(TaskId, Reason);
        """;

    /// <summary>
    /// More events than a type switch serves: the kind map, with a type switch left for subclasses of non-sealed events.
    /// </summary>
    public const string KindMapHierarchy = NonSealedHierarchy + "\n" + """
        [BusEvent] public sealed record JobSubmitted(long Time) : SchedulerEvent;
        [BusEvent] public sealed record JobStarted(long Time) : SchedulerEvent;
        [BusEvent] public sealed record JobEnded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record StageSubmitted(long Time) : SchedulerEvent;
        [BusEvent] public sealed record StageRetried(long Time) : SchedulerEvent;
        [BusEvent] public sealed record TaskStarted(long Time) : SchedulerEvent;
        [BusEvent] public sealed record TaskGettingResult(long Time) : SchedulerEvent;
        [BusEvent] public sealed record TaskSpeculated(long Time) : SchedulerEvent;
        [BusEvent] public sealed record ExecutorAdded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record ExecutorRemoved(long Time) : SchedulerEvent;
        [BusEvent] public sealed record ExecutorExcluded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record ExecutorUnexcluded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record NodeExcluded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record NodeUnexcluded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record BlockManagerAdded(long Time) : SchedulerEvent;
        [BusEvent] public sealed record BlockManagerRemoved(long Time) : SchedulerEvent;
        [BusEvent] public sealed record BlockUpdated(long Time) : SchedulerEvent;
        [BusEvent] public sealed record UnpersistRdd(long Time) : SchedulerEvent;
        [BusEvent] public sealed record EnvironmentUpdate(long Time) : SchedulerEvent;
        [BusEvent] public sealed record ApplicationEnd(long Time) : SchedulerEvent;
        """;

    public const string KeywordsAndUnicode = """
        using GeneratedBus;

        namespace Acme.@class;

        internal abstract record ÉvénementEvent;

        [BusEvent] internal sealed record @event(int Id) : ÉvénementEvent;
        [BusEvent] internal sealed record Démarré(int Id) : ÉvénementEvent;
        [BusEvent] internal sealed record classEvent(int Id) : ÉvénementEvent;
        """;

    public const string GlobalNamespaceAndNestedRoot = """
        using GeneratedBus;

        public static class Outer
        {
            internal abstract record PipelineEvent;
        }

        [BusEvent] internal sealed record Started(int Id) : Outer.PipelineEvent;
        """;

    /// <summary>Events left out with diagnostics while the rest of the bus is generated; not compile-clean by design.</summary>
    public const string EventsLeftOut = """
        using GeneratedBus;

        namespace Acme.Scheduling;

        public abstract record SchedulerEvent;

        [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
        [BusEvent] public sealed record JobStartEvent(int JobId) : SchedulerEvent;
        [BusEvent] internal sealed record Hidden(int JobId) : SchedulerEvent;
        [BusEvent] public struct NotARecord { }
        [BusEvent] public sealed record JobEnd(int JobId) : SchedulerEvent;
        """;

    /// <summary>An existing domain model of classes: a class root, sealed class events and a non-sealed one with a subclass.</summary>
    public const string ClassEvents = """
        using GeneratedBus;

        namespace Acme.Orders;

        public abstract class OrderEvent
        {
            protected OrderEvent(int orderId) => OrderId = orderId;

            public int OrderId { get; }
        }

        /// <summary>An order was placed.</summary>
        [BusEvent] public sealed class OrderPlaced : OrderEvent
        {
            public OrderPlaced(int orderId, decimal total) : base(orderId) => Total = total;

            public decimal Total { get; }
        }

        [BusEvent] public class OrderChanged : OrderEvent
        {
            public OrderChanged(int orderId) : base(orderId) { }
        }

        [BusEvent] public sealed class OrderCancelled : OrderChanged
        {
            public OrderCancelled(int orderId) : base(orderId) { }
        }

        public sealed class OrderAddressChanged : OrderChanged
        {
            public OrderAddressChanged(int orderId) : base(orderId) { }
        }
        """;

    /// <summary>
    /// Listener classes for the interest filter: one handling two of five kinds, one deriving from it and adding a
    /// third, and those the generator leaves out (OnOtherEvent, firehose, private, abstract, explicit interface).
    /// </summary>
    public const string ListenerInterests = """
        using GeneratedBus;

        namespace Acme.Orders;

        public abstract record OrderEvent(int Id);
        [BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent(Id);
        [BusEvent] public sealed record OrderPaid(int Id) : OrderEvent(Id);
        [BusEvent] public sealed record OrderPacked(int Id) : OrderEvent(Id);
        [BusEvent] public sealed record OrderShipped(int Id) : OrderEvent(Id);
        [BusEvent] public sealed record OrderCancelled(int Id) : OrderEvent(Id);

        public class Notifier : OrderListener
        {
            public override void OnOrderShipped(OrderShipped e) { }
            public override void OnOrderCancelled(OrderCancelled e) { }
        }

        public sealed class PackingNotifier : Notifier
        {
            public override void OnOrderPacked(OrderPacked e) { }
        }

        internal sealed class Auditor : OrderListener
        {
            public override void OnOrderPaid(OrderPaid e) { }
            public override void OnOtherEvent(OrderEvent e) { }
        }

        public sealed class Hose : OrderFirehoseListener
        {
            public override void OnEvent(OrderEvent e) { }
        }

        public static class Holder
        {
            private sealed class Hidden : OrderListener
            {
                public override void OnOrderPaid(OrderPaid e) { }
            }
        }
        """;

    /// <summary>Every input, named, for the compile-clean tests.</summary>
    public static TheoryData<string> All => new()
    {
        nameof(OneEvent), nameof(Scheduler), nameof(SparkScheduler), nameof(TwoBuses), nameof(NestedNamespaces),
        nameof(RecordStructInterfaceRoot), nameof(DocsCarriedOver), nameof(NamedBus), nameof(NonSealedHierarchy),
        nameof(KindMapHierarchy), nameof(KeywordsAndUnicode), nameof(GlobalNamespaceAndNestedRoot), nameof(ClassEvents), nameof(ListenerInterests),
    };

    /// <summary>The input named <paramref name="name"/>.</summary>
    public static string Named(string name) => (string)typeof(SnapshotInputs).GetField(name)!.GetValue(null)!;
}
