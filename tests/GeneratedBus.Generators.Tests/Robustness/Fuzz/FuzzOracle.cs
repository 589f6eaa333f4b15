using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GeneratedBus.Testing;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>
/// Judges one fuzz case. The generator must not throw (no exception, CS8785 or AD0001); every diagnostic it reports
/// must format and point inside its file; a driver that saw the previous cases must produce exactly what a fresh one
/// does; and the generated trees must not bring a compile error of their own.
/// </summary>
/// <remarks>
/// The last check is what makes the oracle strong, and it is kept sound this way: only diagnostics located in generated
/// trees count (an input's own errors stay in its trees), and one that the input alone already reports with the same ID
/// and the same message (so about the same name) is taken as the input's fault showing through (a type declared twice
/// is ambiguous in generated code too). The ID alone would excuse too much: a CS0246 for a name the generator made up
/// would hide behind any CS0246 in the input. Excused cases are counted and kept, so the test can print and bound
/// them. The check applies whether or not the generator reported an error of its own: an event or root it reports is
/// left out, so what it does emit must still compile.
/// </remarks>
public sealed class FuzzOracle
{
    // One reference manager for every case: adding trees to an empty compilation reuses its bound references.
    private static readonly CSharpCompilation s_empty = TestCompilation.Create();

    // As in the IDE, one driver sees every case in turn, each starting from the previous case's cache.
    private GeneratorRun _incremental = GeneratorRun.For(s_empty, trackSteps: false);

    /// <summary>Cases that generated at least one source.</summary>
    public int CasesWithSources { get; private set; }

    /// <summary>Cases where the generator reported a diagnostic of its own.</summary>
    public int CasesWithGeneratorDiagnostics { get; private set; }

    /// <summary>Cases whose generated trees had a diagnostic that the echo rule excused.</summary>
    public int CasesExcusedAsEchoes => ExcusedEchoes.Count;

    /// <summary>One excused diagnostic per excused case, for the test to print.</summary>
    public List<string> ExcusedEchoes { get; } = new();

    /// <summary>Checks <paramref name="fuzzCase"/>; returns what went wrong, or <see langword="null"/>.</summary>
    public string? Check(FuzzCase fuzzCase)
    {
        CSharpCompilation input = s_empty.AddSyntaxTrees(
            fuzzCase.Files.Select((text, i) => TestCompilation.Parse(text, $"Input{i}.cs")));
        GeneratorRun fresh = GeneratorRun.For(input, trackSteps: false);
        _incremental = _incremental.Rerun(input);

        if (fresh.Result.Exception is { } exception)
        {
            return "the generator threw: " + exception;
        }

        if (fresh.DriverDiagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001") is { } crash)
        {
            return "the driver reported " + crash;
        }

        if (fresh.GeneratorDiagnostics.Length > 0)
        {
            CasesWithGeneratorDiagnostics++;
        }

        return CheckDiagnosticsPointIntoTheirFiles(fresh, fuzzCase.Files)
            ?? CheckSameAsFresh(fresh, _incremental)
            ?? CheckGeneratedTrees(fresh);
    }

    /// <summary>What makes a generated-code diagnostic an echo of an input one: its ID and its message.</summary>
    private static (string Id, string Message) Echo(Diagnostic diagnostic) =>
        (diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture));

    private static string? CheckDiagnosticsPointIntoTheirFiles(GeneratorRun run, string[] files)
    {
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (!diagnostic.Id.StartsWith("GB", System.StringComparison.Ordinal) || message.Contains("{0}", System.StringComparison.Ordinal))
            {
                return "a diagnostic that is not GeneratedBus's or did not format: " + diagnostic;
            }

            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            int file = Enumerable.Range(0, files.Length).FirstOrDefault(i => span.Path == $"Input{i}.cs", -1);
            if (file < 0 || diagnostic.Location.SourceSpan.End > files[file].Length)
            {
                return "a diagnostic that points outside the input files: " + diagnostic;
            }
        }

        return null;
    }

    private static string? CheckSameAsFresh(GeneratorRun fresh, GeneratorRun incremental)
    {
        string Sources(GeneratorRun run) => string.Join("\n", run.Result.GeneratedSources.Select(s => $"//{s.HintName}\n{s.SourceText}").Order(System.StringComparer.Ordinal));
        string Diagnostics(GeneratorRun run) => string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString()).Order(System.StringComparer.Ordinal));

        if (incremental.Result.Exception is { } exception)
        {
            return "the generator threw after the previous case: " + exception;
        }

        if (Sources(fresh) != Sources(incremental))
        {
            return "a driver that saw the previous case generated other sources than a fresh one:\n"
                + LineDiff.Describe(Sources(fresh), Sources(incremental));
        }

        return Diagnostics(fresh) == Diagnostics(incremental)
            ? null
            : $"a driver that saw the previous case reported other diagnostics than a fresh one:\nfresh:\n{Diagnostics(fresh)}\nincremental:\n{Diagnostics(incremental)}";
    }

    private string? CheckGeneratedTrees(GeneratorRun run)
    {
        ImmutableArray<GeneratedSourceResult> sources = run.Result.GeneratedSources;
        if (sources.IsEmpty)
        {
            return null;
        }

        CasesWithSources++;
        Diagnostic[] inGenerated = sources.SelectMany(s => run.Output.GetSemanticModel(s.SyntaxTree).GetDiagnostics()).ToArray();
        if (inGenerated.Length == 0)
        {
            return null;
        }

        // Only now, as it costs a full compile: which errors the input has without any generated code.
        var inputErrors = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(Echo).ToHashSet();
        Diagnostic[] own = inGenerated.Where(d => !inputErrors.Contains(Echo(d))).ToArray();
        if (own.Length == 0)
        {
            ExcusedEchoes.Add(inGenerated[0].ToString());
            return null;
        }

        return "the generated code does not compile:\n" + Snapshot.DescribeDiagnostics(own.Take(5))
            + "\n" + string.Join("\n", sources.Select(s => $"--- {s.HintName}\n{s.SourceText}"));
    }
}
