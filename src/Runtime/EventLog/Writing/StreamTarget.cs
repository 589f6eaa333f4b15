using System.IO;

namespace GeneratedBus.EventLog.Writing;

/// <summary>A stream the caller gives: no names to change; closing disposes it.</summary>
internal sealed class StreamTarget(Stream stream, string name) : EventLogTarget
{
    public override string Path => name;

    public override Stream Current => stream;

    public override void Complete() => stream.Dispose();

    public override void Abandon() => stream.Dispose();
}
