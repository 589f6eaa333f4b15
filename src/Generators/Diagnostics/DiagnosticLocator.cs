using System.Collections.Generic;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Diagnostics;

/// <summary>
/// Binds the pipeline's diagnostics to the compilation's syntax trees: the compiler checks <c>#pragma warning</c> and
/// per-file .editorconfig severities only for a location in a tree, never for a file path and span.
/// </summary>
/// <remarks>
/// It runs on every compilation change, so it does as little as it can: nothing without diagnostics, else one pass
/// over the trees for the few files that have one. The diagnostics it returns are equal to the last run's unless a
/// file with one changed (a location in a tree equals another in the same tree object), which keeps the output cached.
/// </remarks>
internal static class DiagnosticLocator
{
    /// <summary><paramref name="infos"/> as diagnostics, each in its file's tree of <paramref name="compilation"/>.</summary>
    public static EquatableArray<Diagnostic> Locate(EquatableArray<DiagnosticInfo> infos, Compilation compilation)
    {
        if (infos.Count == 0)
        {
            return default;
        }

        Dictionary<string, SyntaxTree?> trees = TreesOf(infos, compilation);
        var diagnostics = new Diagnostic[infos.Count];
        for (int i = 0; i < diagnostics.Length; i++)
        {
            DiagnosticInfo info = infos[i];
            SyntaxTree? tree = info.Location is { } location ? trees[location.FilePath] : null;
            diagnostics[i] = info.ToDiagnostic(tree);
        }

        return new EquatableArray<Diagnostic>(diagnostics);
    }

    // The tree of each file the diagnostics point into; null when no tree, or more than one, has that path.
    private static Dictionary<string, SyntaxTree?> TreesOf(EquatableArray<DiagnosticInfo> infos, Compilation compilation)
    {
        var trees = new Dictionary<string, SyntaxTree?>(System.StringComparer.Ordinal);
        foreach (DiagnosticInfo info in infos)
        {
            if (info.Location is { } location)
            {
                trees[location.FilePath] = null;
            }
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (trees.ContainsKey(tree.FilePath))
            {
                // A path that names two trees identifies neither: the external location is safer than a guess.
                trees[tree.FilePath] = seen.Add(tree.FilePath) ? tree : null;
            }
        }

        return trees;
    }
}
