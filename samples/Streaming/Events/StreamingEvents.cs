using GeneratedBus;

namespace SparkStreaming;

/// <summary>
/// The root of the streaming bus, Spark's <c>StreamingListenerEvent</c>: a second bus in the same assembly, named by
/// its own <c>[EventBus]</c>, so the generator writes <c>IStreamingListener</c>, <c>StreamingListener</c>,
/// <c>StreamingDispatcher</c> and the synchronous <c>StreamingListenerBus</c> beside the main bus's types. It derives from nothing of the main bus, so a streaming
/// event cannot be posted there except inside a <see cref="WrappedStreamingEvent"/>.
/// </summary>
[EventBus("Streaming")]
public abstract record StreamingListenerEvent;

/// <summary>A batch was handed to the job scheduler; it waits until the batches before it are done.</summary>
/// <param name="BatchInfo">The batch, not yet started.</param>
[BusEvent]
public sealed record BatchSubmitted(BatchInfo BatchInfo) : StreamingListenerEvent;

/// <summary>A batch began processing.</summary>
/// <param name="BatchInfo">The batch, with its processing start time.</param>
[BusEvent]
public sealed record BatchStarted(BatchInfo BatchInfo) : StreamingListenerEvent;

/// <summary>A batch finished: all of its output operations ran, successfully or not.</summary>
/// <param name="BatchInfo">The batch, complete.</param>
[BusEvent]
public sealed record BatchCompleted(BatchInfo BatchInfo) : StreamingListenerEvent;

/// <summary>An output operation of a batch (a <c>foreachRDD</c>, a <c>print</c>, a save) started.</summary>
/// <param name="OutputOperationInfo">The operation, with its start time.</param>
[BusEvent]
public sealed record OutputOperationStarted(OutputOperationInfo OutputOperationInfo) : StreamingListenerEvent;

/// <summary>An output operation of a batch finished.</summary>
/// <param name="OutputOperationInfo">The operation, with its end time and failure reason if it failed.</param>
[BusEvent]
public sealed record OutputOperationCompleted(OutputOperationInfo OutputOperationInfo) : StreamingListenerEvent;
