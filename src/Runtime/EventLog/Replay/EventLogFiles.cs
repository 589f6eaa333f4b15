using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace GeneratedBus.EventLog.Replay;

/// <summary>Which files a log is made of, whether it may be truncated, and how to open each one decompressed.</summary>
internal static class EventLogFiles
{
    /// <summary>
    /// The files of the log at <paramref name="path"/>: the file itself, or a rolled directory's <c>events_N...</c>
    /// parts in number order. A file may be truncated when its name ends with <c>.inprogress</c>; a directory when
    /// its <c>appstatus</c> marker is missing or in progress.
    /// </summary>
    public static (IReadOnlyList<string> Files, bool MayBeTruncated) Resolve(string path)
    {
        if (Directory.Exists(path))
        {
            var parts = new List<(long Number, string File)>();
            bool closed = false, inProgress = false;
            foreach (string file in Directory.EnumerateFiles(path))
            {
                string name = Path.GetFileName(file);
                if (name.StartsWith(EventLogFormat.StatusMarker, StringComparison.Ordinal))
                {
                    inProgress |= name.EndsWith(EventLogFormat.InProgressSuffix, StringComparison.Ordinal);
                    closed |= !name.EndsWith(EventLogFormat.InProgressSuffix, StringComparison.Ordinal);
                }
                else if (PartNumber(name) is long number)
                {
                    parts.Add((number, file));
                }
            }

            if (parts.Count == 0)
            {
                throw new FileNotFoundException($"The event log directory '{path}' has no events_N parts.", path);
            }

            return (parts.OrderBy(p => p.Number).Select(p => p.File).ToArray(), inProgress || !closed);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The event log '{path}' does not exist.", path);
        }

        return ([path], path.EndsWith(EventLogFormat.InProgressSuffix, StringComparison.Ordinal));
    }

    /// <summary>
    /// Opens <paramref name="file"/>, decompressed: by its extension (<c>.gz</c>, <c>.br</c>, before any
    /// <c>.inprogress</c>), else by gzip's magic bytes; Spark's other codecs are refused by name.
    /// </summary>
    /// <exception cref="NotSupportedException">The file uses a codec System.IO.Compression lacks (lz4, snappy, zstd, lzf).</exception>
    public static Stream Open(string file, bool asynchronous)
    {
        string name = file.EndsWith(EventLogFormat.InProgressSuffix, StringComparison.Ordinal)
            ? file[..^EventLogFormat.InProgressSuffix.Length]
            : file;
        string extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".lz4" or ".snappy" or ".zstd" or ".zst" or ".lzf")
        {
            throw new NotSupportedException($"The event log '{file}' is compressed with {extension[1..]}, which replay cannot read; decompress it first, or write logs with gzip or Brotli.");
        }

        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, asynchronous);
        try
        {
            if (extension == ".br")
            {
                return new BrotliStream(stream, CompressionMode.Decompress);
            }

            if (extension == ".gz" || StartsWithGzipMagic(stream))
            {
                return new GZipStream(stream, CompressionMode.Decompress);
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool StartsWithGzipMagic(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    // events_12.jsonl.gz, or Spark's events_12_<appId>.zstd: the number after "events_".
    private static long? PartNumber(string name)
    {
        const string prefix = "events_";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        ReadOnlySpan<char> rest = name.AsSpan(prefix.Length);
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : null;
    }
}
