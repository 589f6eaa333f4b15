using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Puts the events of the two discovery pipelines (plainly marked ones by syntax, the rest by attribute) back in the
/// order one pipeline finding them all would give: by file, then by place in the file. The planners order events by
/// file themselves, stably, so this is the order kinds are numbered in within a file.
/// </summary>
/// <remarks>
/// Two syntax trees with one path (possible in memory; in a build the compiler ignores a file given twice) interleave
/// by position, where one pipeline would keep tree order; the order stays deterministic.
/// </remarks>
internal static class ParsedEventOrder
{
    /// <summary>Both pipelines' events, ordered by file path and position.</summary>
    public static IEnumerable<ParsedEvent> Merge(ImmutableArray<ParsedEvent> plainlyMarked, ImmutableArray<ParsedEvent> markedOtherwise)
        => plainlyMarked.IsEmpty ? markedOtherwise
            : markedOtherwise.IsEmpty ? plainlyMarked
            : plainlyMarked.Concat(markedOtherwise)
                .OrderBy(parsed => parsed.Result.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
                .ThenBy(parsed => parsed.Result.Location?.Span.Start ?? 0);
}
