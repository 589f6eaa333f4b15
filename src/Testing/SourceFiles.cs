using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace GeneratedBus.Testing;

/// <summary>
/// Expands the source patterns of a snapshot: file paths or globs (<c>*</c> and <c>?</c> within a folder name,
/// <c>**</c> across folders), relative to a base folder, several separated by <c>;</c>.
/// </summary>
internal static class SourceFiles
{
    private static readonly char[] s_wildcards = ['*', '?'];

    /// <summary>The files <paramref name="patterns"/> match under <paramref name="baseDirectory"/>, full paths, sorted and distinct.</summary>
    /// <exception cref="GeneratedCodeSnapshotException">A pattern matches no file: a typo must not snapshot nothing.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, string baseDirectory)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string pattern in patterns.SelectMany(p => p.Split(';')).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            string[] found = Match(pattern, baseDirectory).ToArray();
            if (found.Length == 0)
            {
                throw new GeneratedCodeSnapshotException($"The source pattern '{pattern}' matches no file under {baseDirectory}.");
            }

            files.UnionWith(found);
        }

        return files.ToArray();
    }

    private static IEnumerable<string> Match(string pattern, string baseDirectory)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, pattern.Replace('\\', '/')));
        if (full.IndexOfAny(s_wildcards) < 0)
        {
            return File.Exists(full) ? [full] : [];
        }

        // The folder before the first wildcard is searched; the rest of the pattern is matched against relative paths.
        string[] segments = full.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(segments, s => s.IndexOfAny(s_wildcards) >= 0);
        string root = string.Join("/", segments.Take(firstWild));
        root = root.Length == 0 ? "/" : root;
        if (!Directory.Exists(root))
        {
            return [];
        }

        Regex regex = ToRegex(segments.Skip(firstWild));
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => regex.IsMatch(Path.GetRelativePath(root, file).Replace('\\', '/')));
    }

    private static Regex ToRegex(IEnumerable<string> segments)
    {
        var regex = new StringBuilder("^");
        foreach (string segment in segments)
        {
            if (segment == "**")
            {
                regex.Append("(?:[^/]+/)*");
                continue;
            }

            foreach (char c in segment)
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            regex.Append('/');
        }

        // The last segment names files: drop its '/', or after a trailing '**' match any file name.
        if (regex[^1] == '/')
        {
            regex.Length--;
        }
        else
        {
            regex.Append("[^/]+");
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
