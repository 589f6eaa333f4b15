using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>
/// Writes replayed applications in the layout of Spark's REST API v1: <c>applications.json</c>, then per application
/// <c>applications/&lt;appId&gt;[/&lt;attemptId&gt;]/jobs.json</c>, <c>stages.json</c> and <c>executors.json</c>.
/// </summary>
internal static class RestOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>Writes every attempt's files under <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">An application or attempt id from a log is not a safe file name.</exception>
    public static void Write(string directory, IReadOnlyList<AppStatusStore> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var byAttempt = attempts.Where(s => s.Application is not null).ToDictionary(s => s.Application!);
        IReadOnlyList<IReadOnlyList<ApplicationAttempt>> applications = ApplicationsJson.Order(byAttempt.Keys);
        // Every folder name is checked before anything is written: a bad id leaves no partial output.
        var folders = applications.SelectMany(a => a).Select(a => (Attempt: a, Folder: FolderOf(directory, a))).ToArray();
        Directory.CreateDirectory(directory);
        WriteFile(Path.Combine(directory, "applications.json"), w => ApplicationsJson.Write(w, applications));
        foreach ((ApplicationAttempt attempt, string folder) in folders)
        {
            AppStatusStore store = byAttempt[attempt];
            Directory.CreateDirectory(folder);
            WriteFile(Path.Combine(folder, "jobs.json"), w => JobsJson.Write(w, store));
            WriteFile(Path.Combine(folder, "stages.json"), w => StagesJson.Write(w, store));
            WriteFile(Path.Combine(folder, "executors.json"), w => ExecutorsJson.Write(w, store));
        }
    }

    private static string FolderOf(string directory, ApplicationAttempt attempt)
    {
        string folder = Path.Combine(directory, "applications", SafeName(attempt.AppId, "application id"));
        return attempt.AttemptId is { } attemptId ? Path.Combine(folder, SafeName(attemptId, "attempt id")) : folder;
    }

    /// <summary>
    /// An id from a log names a folder: it must not climb out of the output (<c>..</c>, separators) or be empty.
    /// Spark's own ids (<c>app-…</c>, <c>local-…</c>, <c>application_…</c>, attempt numbers) always pass.
    /// </summary>
    internal static string SafeName(string id, string what)
    {
        bool safe = id.Length is > 0 and <= 255 && id != "." && id != ".."
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        return safe ? id : throw new InvalidDataException($"the {what} '{Escape(id)}' cannot name a folder (only letters, digits, '-', '_' and '.' may)");
    }

    private static string Escape(string text) => JsonEncodedText.Encode(text).ToString();

    private static void WriteFile(string path, Action<Utf8JsonWriter> write)
    {
        using FileStream file = File.Create(path);
        using var writer = new Utf8JsonWriter(file, Indented);
        write(writer);
    }
}
