using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using GeneratedBus.Generators.Emitting;
using Microsoft.CodeAnalysis;
using GeneratedBus.Testing;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot checks in Verify.SourceGenerators' file layout: <c>Snapshots/{Class}.{Method}#{Hint}.verified.cs</c> per
/// generated file and <c>{Class}.{Method}.verified.txt</c> for diagnostics. A mismatch writes <c>*.received.*</c> and
/// fails with a diff; <c>GENERATEDBUS_ACCEPT=1</c> (never under <c>CI=true</c>) accepts instead.
/// </summary>
public static class Snapshot
{
    private const string VersionPlaceholder = "{GeneratorVersion}";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Checks the generated sources and diagnostics of <paramref name="run"/> against the test's snapshots.</summary>
    /// <param name="run">The generator run.</param>
    /// <param name="testFile">Filled in by the compiler: the test file, named after its class.</param>
    /// <param name="testMethod">Filled in by the compiler: the test method.</param>
    public static void Verify(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        bool accept = Environment.GetEnvironmentVariable("GENERATEDBUS_ACCEPT") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Check(run, Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots"), Path.GetFileNameWithoutExtension(testFile) + "." + testMethod, accept);
    }

    /// <summary>The check behind <see cref="Verify"/>, with the folder, file prefix and acceptance made explicit.</summary>
    public static void Check(GeneratorRun run, string directory, string prefix, bool accept)
    {
        Directory.CreateDirectory(directory);
        foreach (string stale in OwnFiles(directory, prefix).Where(f => f.Contains(".received.", StringComparison.Ordinal)))
        {
            File.Delete(Path.Combine(directory, stale));
        }

        Dictionary<string, string> expected = Render(run, prefix);
        var failures = new List<string>();
        foreach ((string verifiedName, string text) in expected)
        {
            string verifiedPath = Path.Combine(directory, verifiedName);
            string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath, s_utf8) : null;
            if (verified == text)
            {
                continue;
            }

            string receivedPath = Path.Combine(directory, verifiedName.Replace(".verified.", ".received.", StringComparison.Ordinal));
            File.WriteAllText(receivedPath, text, s_utf8);
            if (accept)
            {
                File.Move(receivedPath, verifiedPath, overwrite: true);
                continue;
            }

            failures.Add(verified is null
                ? $"New snapshot {verifiedName}; accept it by renaming {Path.GetFileName(receivedPath)}:\n{text}"
                : $"Snapshot {verifiedName} differs (received written next to it):\n{LineDiff.Describe(verified, text)}");
        }

        foreach (string unproduced in OwnFiles(directory, prefix).Where(f => f.Contains(".verified.", StringComparison.Ordinal) && !expected.ContainsKey(f)))
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, unproduced));
                continue;
            }

            failures.Add($"Snapshot {unproduced} was not produced by this run; delete it if that is right.");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    // The files that belong to this test: '#' or '.' right after the prefix, so Test1 never claims Test10's files.
    private static IEnumerable<string> OwnFiles(string directory, string prefix) => Directory.EnumerateFiles(directory)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name.StartsWith(prefix + "#", StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static Dictionary<string, string> Render(GeneratorRun run, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in run.Result.GeneratedSources)
        {
            string hint = source.HintName;
            string stem = hint.EndsWith(".cs", StringComparison.Ordinal) ? hint[..^3] : hint;
            files.Add($"{prefix}#{stem}.verified.cs", Normalize($"//HintName: {hint}\n{source.SourceText}"));
        }

        if (run.GeneratorDiagnostics.Length > 0)
        {
            files.Add($"{prefix}.verified.txt", Normalize(DescribeDiagnostics(run.GeneratorDiagnostics)));
        }

        return files;
    }

    /// <summary>One line per diagnostic: ID, severity, file and line span (1-based), message.</summary>
    public static string DescribeDiagnostics(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d =>
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},"
            + $"{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    })) + "\n";

    private static string Normalize(string text) => text
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace($"\"GeneratedBus\", \"{GeneratorVersion.Value}\"", $"\"GeneratedBus\", \"{VersionPlaceholder}\"", StringComparison.Ordinal);
}
