using System.IO;
using System.IO.Compression;

namespace GeneratedBus.EventLog.Writing;

/// <summary>Where the writer's bytes go: the stream of the current file, and what closing and rolling do to the names.</summary>
internal abstract class EventLogTarget
{
    /// <summary>The log's name once closed, for messages and <see cref="EventLogWriter{TEvent}.Path"/>.</summary>
    public abstract string Path { get; }

    /// <summary>The stream lines are written to now.</summary>
    public abstract Stream Current { get; }

    /// <summary>Whether <see cref="Roll"/> may be called.</summary>
    public virtual bool CanRoll => false;

    /// <summary>Ends the current part and starts the next.</summary>
    public virtual void Roll() => throw new System.NotSupportedException();

    /// <summary>Closes the stream and gives the log its final name.</summary>
    public abstract void Complete();

    /// <summary>Closes the stream after a failure, leaving the in-progress name.</summary>
    public abstract void Abandon();

    /// <summary>The extension the compression's files get.</summary>
    public static string Extension(EventLogCompression compression) => compression switch
    {
        EventLogCompression.GZip => ".gz",
        EventLogCompression.Brotli => ".br",
        _ => "",
    };

    /// <summary>Wraps <paramref name="file"/> in the compressor.</summary>
    public static Stream Compress(Stream file, EventLogCompression compression, CompressionLevel level) => compression switch
    {
        EventLogCompression.GZip => new GZipStream(file, level),
        EventLogCompression.Brotli => new BrotliStream(file, level),
        _ => file,
    };

    /// <summary>Creates a file for writing, refusing to replace one unless <paramref name="overwrite"/>.</summary>
    public static Stream Create(string path, bool overwrite)
        => new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
}
