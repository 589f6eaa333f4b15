using System.Collections.Generic;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>A valid bus declaration the fuzzer starts from: one or more files that generate a bus without any diagnostic.</summary>
/// <param name="Name">What the seed shows, for failure messages.</param>
/// <param name="Files">The files, compiled as <c>Input0.cs</c>, <c>Input1.cs</c>…</param>
public sealed record FuzzSeed(string Name, string[] Files);

/// <summary>The corpus of valid declarations every fuzz case mutates: each shape the generator reads, at least once.</summary>
public static class FuzzSeeds
{
    /// <summary>All seeds.</summary>
    public static IReadOnlyList<FuzzSeed> All { get; } =
    [
        new("Scheduler with a hierarchy and a listener", ["""
            using GeneratedBus;

            namespace Acme.Scheduling
            {
                /// <summary>The root; its bus is <see cref="JobsBus"/>.</summary>
                [EventBus("Jobs")] public abstract record SchedulerEvent(long Time);

                /// <summary>A job started; see <see cref="JobEnd"/>.</summary>
                [BusEvent] public sealed record JobStart(int JobId, long Time) : SchedulerEvent(Time);
                [BusEvent] public record TaskEvent(long TaskId, long Time) : SchedulerEvent(Time);
                [BusEvent] public sealed record TaskEnd(long TaskId, string? Reason, long Time) : TaskEvent(TaskId, Time);
                [BusEvent] public sealed partial record JobEnd(int JobId, long Time) : SchedulerEvent(Time) { }
                public sealed record Unmarked() : SchedulerEvent(0);

                public sealed class Tracker : JobsListener
                {
                    public int Started;
                    public override void OnJobStart(JobStart e) => Started++;
                }
            }
            """]),
        new("Interface root with record structs", ["""
            using GeneratedBus;
            namespace Acme.Metrics;
            [EventBus] public interface IMetricEvent { }
            [BusEvent] public readonly record struct CpuSample(string Host, double Load) : IMetricEvent;
            [BusEvent] public record struct MemorySample(long Bytes) : IMetricEvent;
            [BusEvent] public sealed record ThresholdCrossed(double Value) : IMetricEvent;
            """]),
        new("Events across files and namespaces", [
            "namespace Acme.Root { public abstract record PipelineEvent; }",
            """
            using GeneratedBus;
            using Acme.Root;
            namespace Acme.Events.Stages
            {
                [BusEvent] public sealed record StageSubmitted(int StageId, string[] Tasks) : PipelineEvent;
                [BusEvent] public sealed record StageCompleted(int StageId) : PipelineEvent;
            }
            """,
            """
            namespace Acme.Events.Jobs;
            [global::GeneratedBus.BusEvent] public sealed record JobSubmitted(int JobId) : global::Acme.Root.PipelineEvent;
            """]),
        new("Nested, aliased and keyword-named", ["""
            using BE = GeneratedBus.BusEventAttribute;
            using GeneratedBus;
            namespace @namespace.@event
            {
                public abstract record @class;
                public static class Holder
                {
                    [BE] public sealed record @event(int @int) : @class;
                    [BusEventAttribute] public sealed record Inner(string? @string) : @class;
                }
            }
            """]),
        new("Unicode names in the global namespace", ["""
            using GeneratedBus;
            [EventBus("Évènements")] public abstract record Racine;
            [BusEvent] public sealed record Événement(int Numéro) : Racine;
            [BusEvent] public sealed record 事件(string 名前) : Racine;
            [BusEvent] public sealed record \u0041bc(int X) : Racine;
            """]),
        new("Preprocessor directives and nullable contexts", ["""
            #nullable disable
            using GeneratedBus;
            #region Events
            namespace Acme.Pre;
            public abstract record SignalEvent;
            #if DEBUG
            [BusEvent] public sealed record DebugOnly(int X) : SignalEvent;
            #else
            [BusEvent]
            #endif
            public sealed record Released(string Name) : SignalEvent;
            #nullable restore
            #pragma warning disable CS0618 // the user's own obsolete type
            [BusEvent, System.Obsolete("old")] public sealed record Legacy(string? Payload) : SignalEvent;
            #pragma warning restore CS0618
            #endregion
            """]),
        new("Generics, arrays and tuples in parameters", ["""
            using System.Collections.Generic;
            using GeneratedBus;
            namespace Acme.Shapes;
            public abstract record ShapeEvents;
            [BusEvent] public sealed record Moved(List<int?> Path, (int X, int Y)[] Points, Dictionary<string, string?> Tags) : ShapeEvents;
            [BusEvent] public abstract record Scaled(double Factor) : ShapeEvents;
            [BusEvent] public sealed record Grown(double Factor) : Scaled(Factor);
            """]),
        new("Internal root, protected internal and private members", ["""
            using GeneratedBus;
            namespace Acme.Internal;
            internal abstract record AuditEvent { private protected int Secret { get; init; } }
            [BusEvent] internal sealed record Login(string User) : AuditEvent;
            public static class Outer { [BusEvent] internal sealed record Logout(string User) : AuditEvent; }
            internal sealed class Auditor : AuditFirehoseListener { public override void OnEvent(AuditEvent e) { } }
            """]),
        new("Two buses and a class root", ["""
            using GeneratedBus;
            namespace Acme.Platform;
            public abstract record StorageEvents;
            public abstract record NetworkEvent;
            [BusEvent] public sealed record Written(long Bytes) : StorageEvents;
            [BusEvent] public sealed record Read(long Bytes) : StorageEvents;
            [BusEvent] public sealed record Connected(string Host) : NetworkEvent;
            [EventBus("Security")] public interface ISecurityEvent { }
            [BusEvent] public sealed record Denied(string Who) : NetworkEvent, ISecurityEvent;
            """]),
        new("Records with bodies, attributes and docs", ["""
            using System;
            using GeneratedBus;
            namespace Acme.Bodies;
            public abstract record OrderEvent(Guid OrderId);
            /// <summary>Placed <c>now</c> &amp; paid.</summary>
            /// <param name="OrderId">The order.</param>
            /// <param name="Total">What it costs.</param>
            [Serializable, BusEvent] public sealed record OrderPlaced(Guid OrderId, decimal Total) : OrderEvent(OrderId)
            {
                public required string Customer { get; init; }
                public override string ToString() => $"{OrderId}: {Total}";
            }
            [type: BusEvent()] public sealed record class OrderShipped(Guid OrderId) : OrderEvent(OrderId);
            """]),
    ];
}
