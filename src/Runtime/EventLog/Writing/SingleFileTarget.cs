using System;
using System.IO;

namespace GeneratedBus.EventLog.Writing;

/// <summary>One file, <c>&lt;path&gt;.inprogress</c> while open and renamed to <c>&lt;path&gt;</c> on close.</summary>
internal sealed class SingleFileTarget : EventLogTarget
{
    private readonly string _inProgress;
    private readonly bool _overwrite;
    private readonly Stream _stream;

    public SingleFileTarget(string path, EventLogCompression compression, System.IO.Compression.CompressionLevel level, bool overwrite)
    {
        string extension = Extension(compression);
        Path = path.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? path : path + extension;
        if (!overwrite && File.Exists(Path))
        {
            throw new IOException($"The event log '{Path}' exists; set Overwrite to replace it.");
        }

        _overwrite = overwrite;
        _inProgress = Path + EventLogFormat.InProgressSuffix;
        _stream = Compress(Create(_inProgress, overwrite), compression, level);
    }

    public override string Path { get; }

    public override Stream Current => _stream;

    public override void Complete()
    {
        _stream.Dispose();
        File.Move(_inProgress, Path, _overwrite);
    }

    public override void Abandon() => _stream.Dispose();
}
