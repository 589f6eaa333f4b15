using System.Linq;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// Runs the generator as shipped and with every event on the attribute path (the compiler's path), and asserts that
/// both add the same files and report the same diagnostics at the same places: the syntax paths for plain events must
/// be invisible.
/// </summary>
internal static class PlainEventPaths
{
    /// <summary>Compares both paths on a compilation of <paramref name="files"/>; returns the shipped generator's run.</summary>
    public static GeneratorRun AssertSame(params string[] files) => AssertSame(TestCompilation.Create(files));

    /// <summary>Compares both paths on <paramref name="compilation"/>; returns the shipped generator's run.</summary>
    public static GeneratorRun AssertSame(Compilation compilation)
    {
        GeneratorRun plain = GeneratorRun.For(compilation, trackSteps: false);
        GeneratorRun reference = GeneratorRun.For(compilation, trackSteps: false, new BusGenerator(plainEventsBySyntax: false));
        Assert.Equal(Describe(reference), Describe(plain));
        return plain;
    }

    private static string Describe(GeneratorRun run)
    {
        var text = new StringBuilder();
        foreach (GeneratedSourceResult source in run.Result.GeneratedSources)
        {
            text.Append("// ").Append(source.HintName).Append('\n').Append(source.SourceText).Append('\n');
        }

        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics.Concat(run.DriverDiagnostics))
        {
            text.Append(diagnostic.Id).Append(' ').Append(diagnostic.Location.GetLineSpan()).Append(' ').Append(diagnostic.GetMessage()).Append('\n');
        }

        return text.ToString();
    }
}
