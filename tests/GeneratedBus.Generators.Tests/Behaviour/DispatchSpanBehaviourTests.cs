using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;

namespace GeneratedBus.Generators.Tests.Behaviour;

/// <summary>
/// The generated dispatcher's <c>DispatchSpan</c>, the runtime's one call for a run of listeners, on a small bus (a type
/// switch) and a larger one (a kind map): what it calls from <c>next</c> on, what <c>next</c> names when a handler
/// throws (the runtime blames that listener and resumes after it), and a kind that does not fit the event.
/// </summary>
public class DispatchSpanBehaviourTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void DispatchSpan_calls_each_listener_from_next_in_order_and_next_names_the_one_that_threw(int padding)
    {
        GeneratorRun run = GeneratorRun.For(Source(padding, """
                    var calls = new List<string>();
                    ISchedulerListener[] three = { new Recorder("a", calls), new Recorder("b", calls, throwOnJobStart: true), new Recorder("c", calls) };
                    int end = (int)SchedulerEventKind.JobEnd;
                    int start = (int)SchedulerEventKind.JobStart;
                    int other = (int)SchedulerEventKind.Other;
                    return string.Join("\n",
                        Span(three, new JobEnd(1), end, 0, calls),
                        Span(three, new JobEnd(1), end, 1, calls),
                        Span(three, new Unmarked(), other, 0, calls),
                        Span(three, new JobStart(1), start, 0, calls),
                        Span(three, new JobStart(1), start, 2, calls),
                        Span(three, new JobEnd(1), end, 3, calls),
                        Span(new ISchedulerListener[0], new JobEnd(1), end, 0, calls));
            """));

        string[] result = ((string)CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run")!).Split('\n');

        Assert.Equal(
            [
                "ok, next 2: a.OnJobEnd,b.OnJobEnd,c.OnJobEnd",
                "ok, next 2: b.OnJobEnd,c.OnJobEnd",
                "ok, next 2: a.OnOtherEvent,b.OnOtherEvent,c.OnOtherEvent",
                "InvalidOperationException b failed, next 1: a.OnJobStart,b.OnJobStart",
                "ok, next 2: c.OnJobStart",
                "ok, next 3: ",
                "ok, next 0: ",
            ],
            result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void A_kind_that_does_not_fit_the_event_throws_before_any_call_unless_no_listener_is_left(int padding)
    {
        GeneratorRun run = GeneratorRun.For(Source(padding, """
                    var calls = new List<string>();
                    ISchedulerListener[] two = { new Recorder("a", calls), new Recorder("b", calls) };
                    int end = (int)SchedulerEventKind.JobEnd;
                    return string.Join("\n",
                        Span(two, new JobStart(1), end, 0, calls),
                        Span(two, new JobStart(1), end, 1, calls),
                        Span(two, new Unmarked(), end, 0, calls),
                        Span(two, null!, end, 0, calls),
                        Span(two, new JobStart(1), 99, 0, calls),
                        Span(two, new JobStart(1), -1, 0, calls),
                        Span(two, new JobStart(1), end, 2, calls),
                        Span(new ISchedulerListener[0], new JobStart(1), 99, 0, calls));
            """));

        string[] result = ((string)CompiledAssembly.Invoke(run, "Acme.Scheduling.Probe", "Run")!).Split('\n');

        Assert.Equal(
            [
                "ArgumentException Kind 2 (JobEnd) does not fit an event of type Acme.Scheduling.JobStart. (Parameter 'kind'), next 0: ",
                "ArgumentException Kind 2 (JobEnd) does not fit an event of type Acme.Scheduling.JobStart. (Parameter 'kind'), next 1: ",
                "ArgumentException Kind 2 (JobEnd) does not fit an event of type Acme.Scheduling.Unmarked. (Parameter 'kind'), next 0: ",
                "ArgumentException Kind 2 (JobEnd) does not fit an event of type null. (Parameter 'kind'), next 0: ",
                "ArgumentOutOfRangeException Not a member of SchedulerEventKind. (Parameter 'kind'), next 0: ",
                "ArgumentOutOfRangeException Not a member of SchedulerEventKind. (Parameter 'kind'), next 0: ",
                "ok, next 2: ",
                "ok, next 0: ",
            ],
            result);
    }

    // A bus of JobStart, JobEnd and the padding events; Recorder notes "name.Handler" for each call; Span runs
    // DispatchSpan as the runtime does, on default(TDispatcher), and describes the outcome, next and the calls.
    private static string Source(int padding, string body)
    {
        string pads = string.Concat(Enumerable.Range(0, padding).Select(i => $"[BusEvent] public sealed record Pad{i}(int Value) : SchedulerEvent;\n"));
        return $$"""
            using System;
            using System.Collections.Generic;
            using GeneratedBus;

            namespace Acme.Scheduling;

            public abstract record SchedulerEvent;
            [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
            [BusEvent] public sealed record JobEnd(int JobId) : SchedulerEvent;
            public sealed record Unmarked : SchedulerEvent;
            {{pads}}
            public sealed class Recorder : SchedulerListener
            {
                private readonly string _name;
                private readonly List<string> _calls;
                private readonly bool _throwOnJobStart;

                public Recorder(string name, List<string> calls, bool throwOnJobStart = false)
                {
                    _name = name;
                    _calls = calls;
                    _throwOnJobStart = throwOnJobStart;
                }

                public override void OnJobStart(JobStart e)
                {
                    _calls.Add(_name + ".OnJobStart");
                    if (_throwOnJobStart)
                    {
                        throw new InvalidOperationException(_name + " failed");
                    }
                }

                public override void OnJobEnd(JobEnd e) => _calls.Add(_name + ".OnJobEnd");
                public override void OnOtherEvent(SchedulerEvent e) => _calls.Add(_name + ".OnOtherEvent");
            }

            public static class Probe
            {
                public static string Run()
                {
            {{body}}
                }

                private static string Span(ISchedulerListener[] listeners, SchedulerEvent e, int kind, int next, List<string> calls)
                {
                    calls.Clear();
                    string outcome = "ok";
                    try
                    {
                        Call<SchedulerDispatcher>(listeners, e, kind, ref next);
                    }
                    catch (Exception ex)
                    {
                        outcome = ex.GetType().Name + " " + ex.Message.Split('\n')[0];
                    }

                    return outcome + ", next " + next + ": " + string.Join(",", calls);
                }

                private static void Call<TDispatcher>(ISchedulerListener[] listeners, SchedulerEvent e, int kind, ref int next)
                    where TDispatcher : struct, IEventSpanDispatcher<ISchedulerListener, SchedulerEvent>
                    => default(TDispatcher).DispatchSpan(listeners, e, kind, ref next);
            }
            """;
    }
}
