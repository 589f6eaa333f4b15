using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace GeneratedBus.Redis.ProcessHost;

/// <summary>
/// A consumer's durable effect: one line "producer sequence redelivered(0|1)" per event, written (flushed to the
/// kernel) before the event is acknowledged, so it survives kill -9. Reopened after a crash, it reloads what it holds
/// and refuses an event already there: a redelivery is never processed twice.
/// </summary>
internal sealed class DeliveryRecord : IDisposable
{
    private readonly HashSet<(string Producer, long Sequence)> _recorded = new();
    private readonly StreamWriter _writer;

    private DeliveryRecord(string path)
    {
        DropPartialLastLine(path);
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                string[] parts = line.Split(' ');
                _recorded.Add((parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)));
            }
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false))
        {
            AutoFlush = true,   // each line reaches the kernel before the event is acknowledged
        };
    }

    /// <summary>Events in the record, from this run and the ones before.</summary>
    public int Count => _recorded.Count;

    public static DeliveryRecord Open(string path) => new(path);

    /// <summary>Appends the event unless the record holds it already; false for one already processed.</summary>
    public bool TryRecord(string producer, long sequence, bool redelivered)
    {
        if (!_recorded.Add((producer, sequence))) return false;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{producer} {sequence} {(redelivered ? 1 : 0)}"));
        return true;
    }

    public void Dispose() => _writer.Dispose();

    // A process killed in the middle of a write could leave half a line; it was never acknowledged, so it goes.
    private static void DropPartialLastLine(string path)
    {
        if (!File.Exists(path)) return;
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long end = file.Length;
        while (end > 0)
        {
            file.Position = end - 1;
            if (file.ReadByte() == '\n') break;
            end--;
        }
        file.SetLength(end);
    }
}
