using System.Globalization;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>
/// GB diagnostics sit in their syntax trees, so the compiler's own ways to quiet them work: <c>#pragma warning</c>,
/// <c>[SuppressMessage]</c> and .editorconfig severities, per file and global. The driver returns a suppressed diagnostic
/// marked <see cref="Diagnostic.IsSuppressed"/>, and a build leaves those out of its errors and warnings (PackageTests
/// builds one).
/// </summary>
public class SuppressionTests
{
    private const string Events = DiagnosticTests.Prelude + """
        #pragma warning disable GB0001 // the test's subject
        [BusEvent] public struct Quiet { }
        #pragma warning restore GB0001
        [BusEvent] public struct Loud { }
        """;

    private const string Helper = "namespace Acme.Other;\npublic static class Helper { public static int Compute() => 1; }\n";

    [Fact]
    public void Pragma_disable_suppresses_a_diagnostic_and_restore_ends_it()
    {
        GeneratorRun run = GeneratorRun.For(Events);

        AssertQuietSuppressedLoudNot(run);
    }

    [Fact]
    public void One_pragma_suppresses_several_ids_including_those_the_planner_locates()
    {
        // GB0011 comes from the parse of one event; GB0005 from the planner, which sees every event of the bus.
        GeneratorRun run = GeneratorRun.For(DiagnosticTests.Prelude + """
            #pragma warning disable GB0011, GB0005 // the test's subject
            [BusEvent, System.Obsolete("Gone.", true)] public sealed record Gone(int X) : SchedulerEvent;
            [BusEvent] public sealed record JobStartEvent(int JobId) : SchedulerEvent;
            """);

        Assert.Equal(["GB0005", "GB0011"], run.DriverDiagnostics.Select(d => d.Id).Order());
        Assert.All(run.DriverDiagnostics, d => Assert.True(d.IsSuppressed, $"{d.Id} is not suppressed."));
    }

    [Fact]
    public void A_SuppressMessage_attribute_on_the_declaration_suppresses_its_diagnostic()
    {
        GeneratorRun run = GeneratorRun.For(Events.Replace(
            "[BusEvent] public struct Loud",
            "[BusEvent, System.Diagnostics.CodeAnalysis.SuppressMessage(\"GeneratedBus\", \"GB0001\")] public struct Loud",
            System.StringComparison.Ordinal));

        Assert.All(run.DriverDiagnostics, d => Assert.True(d.IsSuppressed, $"{d.GetMessage(CultureInfo.InvariantCulture)} is not suppressed."));
        Assert.Equal(2, run.DriverDiagnostics.Length);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    public void An_editorconfig_section_sets_the_severity_for_its_files(string severity, DiagnosticSeverity? expected)
    {
        Compilation compilation = EditorConfig.Apply(
            WithoutWarningsAsErrors(TestCompilation.Create(Events, Helper)),
            $"root = true\n\n[Input0.cs]\ndotnet_diagnostic.GB0001.severity = {severity}\n");

        GeneratorRun run = GeneratorRun.For(compilation);

        Assert.Equal(expected, run.DriverDiagnostics.SingleOrDefault(d => IsAbout(d, "Acme.Loud"))?.Severity);
    }

    [Fact]
    public void A_global_editorconfig_severity_still_applies()
    {
        Compilation compilation = EditorConfig.Apply(
            WithoutWarningsAsErrors(TestCompilation.Create(Events)),
            "is_global = true\ndotnet_diagnostic.GB0001.severity = warning\n");

        GeneratorRun run = GeneratorRun.For(compilation);

        Assert.Equal(DiagnosticSeverity.Warning, run.DriverDiagnostics.Single(d => IsAbout(d, "Acme.Loud")).Severity);
    }

    [Fact]
    public void An_unrelated_edit_reruns_no_tracked_step_and_keeps_the_diagnostics_in_the_new_compilation()
    {
        GeneratorRun first = GeneratorRun.For(Events, Helper);
        SyntaxTree helper = first.Input.SyntaxTrees.Single(t => t.FilePath == "Input1.cs");

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(
            helper,
            TestCompilation.Parse(Helper.Replace("=> 1;", "=> 2;", System.StringComparison.Ordinal), "Input1.cs")));

        // The step that puts diagnostics in trees re-runs, but finds the same ones: the output is not redone.
        StepAssert.OnlyParseReran(second);
        AssertQuietSuppressedLoudNot(second);
    }

    [Fact]
    public void An_edit_that_moves_the_declarations_reports_them_where_they_now_are()
    {
        GeneratorRun first = GeneratorRun.For(Events);
        string moved = Events.Replace("namespace Acme;", "namespace Acme;\n\n// shifts every event down", System.StringComparison.Ordinal);

        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(first.Input.SyntaxTrees.Single(), TestCompilation.Parse(moved, "Input0.cs")));

        int line = moved.Split('\n').ToList().FindIndex(l => l.Contains("struct Loud", System.StringComparison.Ordinal));
        Assert.Equal(line, second.DriverDiagnostics.Single(d => IsAbout(d, "Acme.Loud")).Location.GetLineSpan().StartLinePosition.Line);
        AssertQuietSuppressedLoudNot(second);
    }

    // Both GB0001s are in the run's own tree of Input0.cs; the one under the pragma is suppressed, the one after it not.
    private static void AssertQuietSuppressedLoudNot(GeneratorRun run)
    {
        SyntaxTree events = run.Input.SyntaxTrees.Single(t => t.FilePath == "Input0.cs");
        Assert.Equal(2, run.DriverDiagnostics.Length);
        Assert.All(run.DriverDiagnostics, d => Assert.Equal("GB0001", d.Id));
        Assert.All(run.DriverDiagnostics, d => Assert.Same(events, d.Location.SourceTree));
        Assert.True(run.DriverDiagnostics.Single(d => IsAbout(d, "Acme.Quiet")).IsSuppressed, "GB0001 under the pragma is not suppressed.");
        Assert.False(run.DriverDiagnostics.Single(d => IsAbout(d, "Acme.Loud")).IsSuppressed, "GB0001 after the restore is suppressed.");
    }

    private static bool IsAbout(Diagnostic diagnostic, string typeName)
        => diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains($"'{typeName}'", System.StringComparison.Ordinal);

    // The test compilation treats warnings as errors, which would hide a severity lowered to warning.
    private static CSharpCompilation WithoutWarningsAsErrors(CSharpCompilation compilation)
        => compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
}
