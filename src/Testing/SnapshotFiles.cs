using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace GeneratedBus.Testing;

/// <summary>
/// Checks generated sources against verified files in Verify.SourceGenerators' layout:
/// <c>{prefix}#{hint without .cs}.verified.cs</c>, holding <c>//HintName: {hint}</c> and the source, <c>\n</c> line
/// endings. A missing or different file gets a <c>.received.cs</c> beside it and fails the check, unless accepting,
/// which moves it over the verified file; a verified file the run no longer produces fails it too, or is deleted.
/// </summary>
internal static partial class SnapshotFiles
{
    private const string VersionPlaceholder = "{GeneratorVersion}";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Checks <paramref name="generated"/> against the files of <paramref name="prefix"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="GeneratedCodeSnapshotException">A file differs, is new, or is no longer produced, and <paramref name="accept"/> is false.</exception>
    public static void Check(
        IEnumerable<(string HintName, string Text)> generated, string directory, string prefix, bool accept, bool scrubVersion)
    {
        Directory.CreateDirectory(directory);
        foreach (string stale in OwnFiles(directory, prefix).Where(f => f.Contains(".received.", StringComparison.Ordinal)))
        {
            File.Delete(Path.Combine(directory, stale));
        }

        Dictionary<string, string> expected = generated.ToDictionary(
            source => $"{prefix}#{Stem(source.HintName)}.verified.cs",
            source => Normalize($"//HintName: {source.HintName}\n{source.Text}", scrubVersion),
            StringComparer.Ordinal);
        var failures = new List<string>();
        foreach ((string verifiedName, string text) in expected.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            string verifiedPath = Path.Combine(directory, verifiedName);
            // Read as Verify writes: with or without a byte order mark, any line ending.
            string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath), scrubVersion: false) : null;
            if (verified == text)
            {
                continue;
            }

            string receivedPath = Path.Combine(directory, verifiedName[..^".verified.cs".Length] + ".received.cs");
            File.WriteAllText(receivedPath, text, s_utf8);
            if (accept)
            {
                File.Move(receivedPath, verifiedPath, overwrite: true);
                continue;
            }

            failures.Add(verified is null
                ? $"New snapshot: {receivedPath} was written; review it and rename it to {verifiedPath}, or run with {SnapshotAcceptance.Variable}=1."
                : $"Snapshot differs: {verifiedPath} (- verified) vs {receivedPath} (+ received):\n{LineDiff.Describe(verified, text)}");
        }

        foreach (string unproduced in OwnFiles(directory, prefix).Where(f => f.EndsWith(".verified.cs", StringComparison.Ordinal) && !expected.ContainsKey(f)))
        {
            string path = Path.Combine(directory, unproduced);
            if (accept)
            {
                File.Delete(path);
                continue;
            }

            failures.Add($"Snapshot not produced by this run: {path}; delete it if that is right, or run with {SnapshotAcceptance.Variable}=1.");
        }

        if (failures.Count > 0)
        {
            throw new GeneratedCodeSnapshotException(string.Join("\n\n", failures)
                + $"\n\nAccept every change with {SnapshotAcceptance.Variable}=1 (never under CI=true), or rename each .received.cs to .verified.cs.");
        }
    }

    private static string Stem(string hintName) => hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;

    // The files that belong to this test: '#' or '.' right after the prefix, so Test1 never claims Test10's files.
    private static IEnumerable<string> OwnFiles(string directory, string prefix) => Directory.EnumerateFiles(directory)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name.StartsWith(prefix + "#", StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static string Normalize(string text, bool scrubVersion)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return scrubVersion ? GeneratedCodeVersion().Replace(text, $"$1\"{VersionPlaceholder}\"") : text;
    }

    [GeneratedRegex("(GeneratedCode\\(\"GeneratedBus\", )\"[^\"]*\"")]
    private static partial Regex GeneratedCodeVersion();
}
