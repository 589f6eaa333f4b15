using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// <c>KindCount</c> and <c>NameOf</c> on the generated dispatcher: what a user would otherwise get from
/// <c>Enum.GetValues</c> and <c>ToString</c>, without reflection.
/// </summary>
public class KindMetadataBehaviourTests
{
    [Fact]
    public void KindCount_covers_every_kind_and_NameOf_gives_each_event_types_simple_name()
    {
        GeneratorRun run = GeneratorRun.For("""
            using System;
            using System.Collections.Generic;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public sealed record JobStartEvent(int JobId) : SchedulerEvent;
            [BusEvent] public sealed record @event(int Id) : SchedulerEvent;
            [BusEvent] public sealed record TaskEnd(long TaskId) : SchedulerEvent;

            public static class Probe
            {
                public static string Run()
                {
                    var names = new List<string>();
                    for (int kind = 0; kind < SchedulerDispatcher.KindCount; kind++)
                    {
                        names.Add(SchedulerDispatcher.NameOf((SchedulerEventKind)kind));
                    }

                    try
                    {
                        SchedulerDispatcher.NameOf((SchedulerEventKind)SchedulerDispatcher.KindCount);
                        names.Add("no exception past the last kind");
                    }
                    catch (ArgumentOutOfRangeException e) when (e.ParamName == "kind")
                    {
                        names.Add("out of range");
                    }

                    names.Add(SchedulerDispatcher.NameOf(SchedulerDispatcher.KindOf(new TaskEnd(1))));
                    return SchedulerDispatcher.KindCount + ":" + string.Join(",", names);
                }
            }
            """);

        object? result = CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run");

        // Kind 0 is Other; the kinds follow the events in declaration order, named as nameof names their types.
        Assert.Equal("4:Other,JobStartEvent,event,TaskEnd,out of range,TaskEnd", result);
    }
}
