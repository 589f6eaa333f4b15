using System.IO;
using System.IO.Compression;

namespace GeneratedBus.EventLog.Writing;

/// <summary>
/// A directory of numbered parts, <c>events_1.jsonl[.gz|.br]</c>, <c>events_2...</c>, with a marker
/// <c>appstatus.inprogress</c> while open, renamed to <c>appstatus</c> on close: Spark's <c>eventlog_v2</c> spirit.
/// </summary>
internal sealed class RolledDirectoryTarget : EventLogTarget
{
    private readonly EventLogCompression _compression;
    private readonly CompressionLevel _level;
    private readonly bool _overwrite;
    private Stream _stream;
    private int _part;

    public RolledDirectoryTarget(string directory, EventLogCompression compression, CompressionLevel level, bool overwrite)
    {
        Path = directory;
        _compression = compression;
        _level = level;
        _overwrite = overwrite;
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).GetEnumerator().MoveNext())
        {
            if (!overwrite)
            {
                throw new IOException($"The event log directory '{directory}' is not empty; set Overwrite to replace it.");
            }

            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(System.IO.Path.Combine(directory, EventLogFormat.InProgressMarker), []);
        _stream = OpenPart();
    }

    public override string Path { get; }

    public override Stream Current => _stream;

    public override bool CanRoll => true;

    public override void Roll()
    {
        _stream.Dispose();
        _stream = OpenPart();
    }

    public override void Complete()
    {
        _stream.Dispose();
        File.Move(System.IO.Path.Combine(Path, EventLogFormat.InProgressMarker), System.IO.Path.Combine(Path, EventLogFormat.StatusMarker), _overwrite);
    }

    public override void Abandon() => _stream.Dispose();

    private Stream OpenPart()
    {
        _part++;
        string name = EventLogFormat.PartName(_part) + Extension(_compression);
        return Compress(Create(System.IO.Path.Combine(Path, name), _overwrite), _compression, _level);
    }
}
