using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Determinism;

/// <summary>The same declarations give the same files, byte for byte, whatever order the compilation lists them in.</summary>
public class DeterminismTests
{
    private static readonly string[] s_files =
    [
        """
        using GeneratedBus;
        namespace Acme;
        public abstract record SchedulerEvent;
        public abstract record StorageEvent;
        [BusEvent] public sealed record JobStart(int JobId) : SchedulerEvent;
        [BusEvent] public sealed partial record JobEnd;
        """,
        """
        using GeneratedBus;
        namespace Acme;
        [BusEvent] public sealed record BlockWritten(string BlockId) : StorageEvent;
        [BusEvent] public sealed partial record JobEnd(int JobId) : SchedulerEvent;
        [BusEvent] internal sealed record Hidden(int X) : SchedulerEvent;
        """,
        """
        using GeneratedBus;
        namespace Acme;
        [BusEvent] public sealed record Heartbeat(string ExecutorId) : SchedulerEvent;
        [BusEvent] public sealed record HeartbeatEvent(string ExecutorId) : SchedulerEvent;
        """,
    ];

    [Fact]
    public void Output_does_not_depend_on_the_order_of_the_files_in_the_compilation()
    {
        Compilation compilation = TestCompilation.Create(s_files);
        Compilation reversed = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Reverse());

        GeneratorRun first = GeneratorRun.For(compilation);
        GeneratorRun second = GeneratorRun.For(reversed);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(Snapshot.DescribeDiagnostics(first.GeneratorDiagnostics), Snapshot.DescribeDiagnostics(second.GeneratorDiagnostics));
        // Hidden (GB0003) and HeartbeatEvent (GB0005); CS0579 for [BusEvent] on both parts of JobEnd is the compiler's.
        Assert.Equal(["GB0003", "GB0005"], first.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_partial_event_marked_on_both_parts_gets_one_kind_and_compiles()
    {
        GeneratorRun run = GeneratorRun.For(s_files);

        string scheduler = run.Result.GeneratedSources.Single(s => s.HintName == "Acme.SchedulerEvent.Bus.g.cs").SourceText.ToString();
        Assert.Contains("JobStart = 1,", scheduler, System.StringComparison.Ordinal);
        Assert.Contains("JobEnd = 2,", scheduler, System.StringComparison.Ordinal);
        Assert.Contains("Heartbeat = 3,", scheduler, System.StringComparison.Ordinal);
        Assert.DoesNotContain("= 4,", scheduler, System.StringComparison.Ordinal);
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    private static string Describe(GeneratorRun run)
        => string.Join("\n", run.Result.GeneratedSources.Select(s => $"//{s.HintName}\n{s.SourceText}"));
}
