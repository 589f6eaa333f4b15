using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GeneratedBus.Generators.Model;

/// <summary>Where a diagnostic points, as plain data: a <see cref="Location"/> would pin a syntax tree in the cache.</summary>
/// <param name="FilePath">The source file.</param>
/// <param name="Span">The character span.</param>
/// <param name="LineSpan">The line and column span.</param>
internal sealed record DiagnosticLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>Captures <paramref name="location"/>, or returns <see langword="null"/> when it is not in source.</summary>
    public static DiagnosticLocation? From(Location? location)
    {
        if (location is null || !location.IsInSource || location.SourceTree is null)
        {
            return null;
        }

        return new DiagnosticLocation(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    /// <summary>
    /// Turns the data back into a location for reporting: in <paramref name="tree"/>, the compilation's tree of
    /// <see cref="FilePath"/>, so the compiler applies that file's <c>#pragma warning</c> and .editorconfig severities.
    /// </summary>
    /// <remarks>
    /// Without the tree (the file left the compilation mid-edit), or with one whose text no longer has the span where
    /// it was, the location is external: still reported at the right line, but no pragma can reach it.
    /// </remarks>
    public Location ToLocation(SyntaxTree? tree)
        => tree is not null && Span.End <= tree.Length && tree.GetLineSpan(Span).Span == LineSpan
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
}
