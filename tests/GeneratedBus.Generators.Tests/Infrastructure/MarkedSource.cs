using System;
using Microsoft.CodeAnalysis.Text;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>A source with one span marked as <c>[|text|]</c>: where a diagnostic is expected.</summary>
/// <param name="Source">The source without the markers.</param>
/// <param name="Span">The marked span.</param>
public sealed record MarkedSource(string Source, TextSpan Span)
{
    /// <summary>Strips the markers from <paramref name="marked"/> and remembers their span.</summary>
    public static MarkedSource Parse(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("The source marks no [|span|].", nameof(marked));
        }

        string source = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(source, TextSpan.FromBounds(start, end - 2));
    }
}
