using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>
/// Gives a test compilation the diagnostic severities of an .editorconfig file, per file and global, the way the
/// compiler does for a build: a severity set in a section reaches only diagnostics located in a matching tree.
/// </summary>
public static class EditorConfig
{
    // Where the inputs and the .editorconfig notionally sit; nothing is written there.
    private static readonly string s_directory = Path.Combine(Path.GetTempPath(), "generatedbus-editorconfig");

    /// <summary><paramref name="compilation"/> with the severities of the .editorconfig <paramref name="text"/> beside its files.</summary>
    public static Compilation Apply(Compilation compilation, string text)
    {
        AnalyzerConfig config = AnalyzerConfig.Parse(text, Path.Combine(s_directory, ".editorconfig"));
        var options = new Options(AnalyzerConfigSet.Create(System.Collections.Immutable.ImmutableArray.Create(config)));
        return compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(options));
    }

    private sealed class Options(AnalyzerConfigSet configs) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => configs.GetOptionsForSourcePath(Path.Combine(s_directory, tree.FilePath)).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => configs.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
