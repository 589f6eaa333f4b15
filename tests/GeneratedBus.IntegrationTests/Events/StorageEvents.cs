using GeneratedBus;

namespace Acme.Storage;

/// <summary>A second bus in the same compilation, with a name set by the attribute and a struct event.</summary>
[EventBus("Storage")]
public interface IBlockEvent;

/// <summary>A block was written.</summary>
[BusEvent]
public readonly record struct BlockWritten(string BlockId, long Bytes) : IBlockEvent;

/// <summary>A block was evicted.</summary>
[BusEvent]
public sealed record BlockEvicted(string BlockId) : IBlockEvent;
