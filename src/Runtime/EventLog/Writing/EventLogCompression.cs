namespace GeneratedBus.EventLog.Writing;

/// <summary>How the writer compresses the log (System.IO.Compression); replay detects it by extension or magic bytes.</summary>
public enum EventLogCompression
{
    /// <summary>Plain JSON lines.</summary>
    None,

    /// <summary>gzip; the writer's files end with <c>.gz</c>.</summary>
    GZip,

    /// <summary>Brotli; the writer's files end with <c>.br</c>.</summary>
    Brotli,
}
