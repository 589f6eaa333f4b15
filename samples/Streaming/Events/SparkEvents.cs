using GeneratedBus;

namespace SparkStreaming;

/// <summary>
/// The root of the main bus, Spark's <c>SparkListenerEvent</c>. <c>[EventBus("Spark")]</c> names the bus, so the
/// generator writes <c>ISparkListener</c>, <c>SparkListener</c>, <c>SparkDispatcher</c> and <c>SparkBus</c> rather than
/// names built from <c>SparkListener</c>.
/// </summary>
[EventBus("Spark")]
public abstract record SparkListenerEvent;

/// <summary>The application started.</summary>
/// <param name="AppName">The application's name.</param>
/// <param name="AppId">The cluster manager's id for it.</param>
/// <param name="Time">When it started, in Unix milliseconds.</param>
/// <param name="User">Who submitted it.</param>
[BusEvent]
public sealed record ApplicationStart(string AppName, string AppId, long Time, string User) : SparkListenerEvent;

/// <summary>The application ended.</summary>
/// <param name="Time">When it ended, in Unix milliseconds.</param>
[BusEvent]
public sealed record ApplicationEnd(long Time) : SparkListenerEvent;

/// <summary>A Spark job started; in a streaming app every output operation of a batch runs one.</summary>
/// <param name="JobId">The job's id, unique in the application.</param>
/// <param name="Time">When it started, in Unix milliseconds.</param>
/// <param name="Description">What the job is for, as the Spark UI shows it.</param>
[BusEvent]
public sealed record JobStart(int JobId, long Time, string Description) : SparkListenerEvent;

/// <summary>A Spark job ended.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Time">When it ended, in Unix milliseconds.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
[BusEvent]
public sealed record JobEnd(int JobId, long Time, bool Succeeded) : SparkListenerEvent;

/// <summary>
/// A streaming event travelling on the main bus, Spark's <c>WrappedStreamingListenerEvent</c>. Main-bus listeners see
/// only this envelope (handler <c>OnWrappedStreaming</c>, a no-op in <c>SparkListener</c>); the
/// <see cref="StreamingBridge"/> opens it for the streaming listeners.
/// </summary>
/// <param name="Event">
/// The streaming event inside. Left out of the main bus's JSON codec: it is another bus's (abstract) event, and its
/// name is the codec's discriminator. Spark's own event log does not write this envelope either.
/// </param>
[BusEvent]
public sealed record WrappedStreamingEvent([property: System.Text.Json.Serialization.JsonIgnore] StreamingListenerEvent Event) : SparkListenerEvent;
