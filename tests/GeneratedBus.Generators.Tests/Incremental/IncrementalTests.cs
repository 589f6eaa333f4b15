using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Incremental;

/// <summary>Edits that do not touch events leave every step cached; an edited event regenerates only its bus.</summary>
public class IncrementalTests
{
    private const string Helper = """
        namespace Acme.Scheduling;

        public static class Helper
        {
            public static int Compute() => 1;
        }
        """;

    private const string StorageBus = """
        using GeneratedBus;

        namespace Acme.Storage;

        public abstract record StorageEvent;

        [BusEvent] public sealed record BlockWritten(string BlockId) : StorageEvent;
        """;

    [Fact]
    public void Every_tracking_name_is_a_step_of_the_pipeline()
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.Scheduler);

        Assert.All(StepAssert.StepNamesFor(run), name => Assert.True(run.Result.TrackedSteps.ContainsKey(name), name));
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler, Helper);

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));

        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
    }

    [Fact]
    public void With_a_handler_override_of_an_unmarked_type_an_unrelated_edit_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler + """

            public sealed class Tracker : SchedulerListener
            {
                public override void OnSqlExecutionStart(SqlExecutionStart e) { }
            }
            """);
        Assert.Contains(TrackingNames.UnmarkedHandledTypes, StepAssert.StepNamesFor(first));
        Assert.Equal("GB0017", Assert.Single(first.GeneratorDiagnostics).Id);

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));

        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
        Assert.Equal("GB0017", Assert.Single(second.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void With_a_listener_class_an_unrelated_edit_leaves_every_step_cached_and_a_new_override_regenerates_its_bus()
    {
        const string listener = """

            public sealed class Tracker : SchedulerListener
            {
                public override void OnJobStart(JobStart e) { }
            }
            """;
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler + listener);
        Assert.Contains(TrackingNames.Listeners, StepAssert.StepNamesFor(first));

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));
        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);

        SyntaxTree input = second.Input.SyntaxTrees.First();
        GeneratorRun third = second.Rerun(second.Input.ReplaceSyntaxTree(input, TestCompilation.Parse(
            SnapshotInputs.Scheduler + listener.Replace("{ }\n}", "{ }\n    public override void OnJobEnd(JobEnd e) { }\n}", System.StringComparison.Ordinal),
            input.FilePath)));
        Assert.Contains(IncrementalStepRunReason.Modified, StepAssert.Reasons(third, TrackingNames.Buses));
        Assert.Contains("EventKindSet.Of((int)global::Acme.Scheduling.SchedulerEventKind.JobEnd, (int)global::Acme.Scheduling.SchedulerEventKind.JobStart)", Assert.Single(third.BusSources).SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_method_body_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler, Helper);
        SyntaxTree helper = first.Input.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(
            helper,
            TestCompilation.Parse(Helper.Replace("=> 1;", "=> 2;", System.StringComparison.Ordinal), "Input1.cs")));

        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
    }

    [Fact]
    public void Moving_events_within_their_file_reparses_them_but_regenerates_nothing()
    {
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler);
        SyntaxTree events = first.Input.SyntaxTrees.Single();
        string moved = SnapshotInputs.Scheduler.Replace("namespace Acme.Scheduling;", "namespace Acme.Scheduling;\n\n// shifts every event down", System.StringComparison.Ordinal);

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(events, TestCompilation.Parse(moved, "Input0.cs")));

        // The parse result carries locations for diagnostics, so it changes; the models and the outputs do not.
        Assert.Contains(IncrementalStepRunReason.Modified, StepAssert.Reasons(second, TrackingNames.Events));
        Assert.All(StepAssert.Reasons(second, TrackingNames.EventSpecs), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(StepAssert.Reasons(second, TrackingNames.Buses), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(StepAssert.Reasons(second, "SourceOutput"), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.Scheduler, StorageBus, "[GeneratedBus.BusEvent] public sealed class Broken { }");

        StepAssert.HoldNoRoslynObjects(run);
    }

    [Fact]
    public void Changing_an_event_regenerates_only_its_bus()
    {
        GeneratorRun first = GeneratorRun.For(SnapshotInputs.Scheduler, StorageBus);
        SyntaxTree storage = first.Input.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");
        string edited = StorageBus + "\n[BusEvent] public sealed record BlockRemoved(string BlockId) : StorageEvent;\n";

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(storage, TestCompilation.Parse(edited, "Input1.cs")));

        Assert.Equal(
            [IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified],
            StepAssert.Reasons(second, TrackingNames.Buses));
        // The outputs: the scheduler bus, the storage bus, their codecs, the diagnostics and the async void check's (none, unchanged).
        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached],
            StepAssert.Reasons(second, "SourceOutput"));
    }

    [Fact]
    public void A_doc_cross_reference_follows_an_edit_in_another_file()
    {
        GeneratorRun first = GeneratorRun.For(DocumentedEvent("Raised for a <see cref=\"Target\"/>."), "namespace Acme.Docs;\npublic sealed class Target { }\n");
        SyntaxTree target = first.Input.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");

        // The events file is untouched, but the cref now binds to nothing: the doc XML must be asked for again.
        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(target, TestCompilation.Parse("namespace Acme.Other;\npublic sealed class Target { }\n", "Input1.cs")));

        Assert.Contains("<see cref=\"T:Acme.Docs.Target\" />", Generated(first), System.StringComparison.Ordinal);
        Assert.Contains("<see cref=\"!:Target\" />", Generated(second), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_doc_comment_updates_the_handler_doc()
    {
        GeneratorRun first = GeneratorRun.For(DocumentedEvent("First words."));
        SyntaxTree tree = first.Input.SyntaxTrees.Single();

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(tree, TestCompilation.Parse(DocumentedEvent("Second words."), "Input0.cs")));

        Assert.Contains("<summary>First words.</summary>", Generated(first), System.StringComparison.Ordinal);
        Assert.Contains("<summary>Second words.</summary>", Generated(second), System.StringComparison.Ordinal);
    }

    // One event whose doc summary is the given text.
    private static string DocumentedEvent(string summary) => $$"""
        using GeneratedBus;

        namespace Acme.Docs;

        public abstract record DocEvent;

        /// <summary>{{summary}}</summary>
        [BusEvent] public sealed record Said(int Value) : DocEvent;
        """;

    private static string Generated(GeneratorRun run) => run.BusSources.Single().SourceText.ToString();
}
