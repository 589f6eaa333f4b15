using System;
using System.Threading;
using GeneratedBus;
using GeneratedBus.EventLog;
using GeneratedBus.EventLog.Writing;
using SparkScheduler.Events;

namespace SparkScheduler.Listeners;

/// <summary>
/// Spark's EventLoggingListener: every event becomes one JSON line of a Spark event log (JsonProtocol's names, through
/// the generated <see cref="SparkJsonCodec"/>), written by the runtime's <see cref="EventLogWriter{TEvent}"/>. It can be
/// slowed by a fixed time per event, a slow disk: on its own queue it then falls behind and that queue drops, counted
/// exactly, while the other queues keep up (queue isolation, made visible); the log's closing record says how many
/// events it is missing.
/// </summary>
internal sealed class EventLoggingListener : SparkFirehoseListener, IDisposable
{
    private readonly EventLogWriter<SparkListenerEvent> _writer;
    private readonly TimeSpan _delayPerEvent;

    /// <param name="path">The log's file; it is named <c>path.inprogress</c> until <see cref="Close"/>.</param>
    /// <param name="delayPerEvent">The slow disk's time per event; zero for none.</param>
    public EventLoggingListener(string path, TimeSpan delayPerEvent)
    {
        _delayPerEvent = delayPerEvent;
        _writer = new EventLogWriter<SparkListenerEvent>(path, SparkJsonCodec.Instance, new EventLogWriterOptions<SparkListenerEvent>
        {
            BusName = SparkSchedulerApp.BusName,
            Overwrite = true,

            // Spark flushes on the events a reader of an in-progress log needs soonest: job, stage and lifecycle ones.
            FlushOn = static e => e is JobStart or JobEnd or StageSubmitted
                or StageCompleted or ApplicationStart or ApplicationEnd,
        });
    }

    /// <summary>The finished log's path (without <c>.inprogress</c>).</summary>
    public string Path => _writer.Path;

    /// <summary>Events written so far. Written only on the eventLog queue's thread; read after the bus stopped.</summary>
    public long Written => _writer.GetStats().EventsWritten;

    /// <summary>Lines that could not be written: counted and logged by the writer, never thrown into the bus.</summary>
    public long WriteFailures => _writer.GetStats().WriteFailures;

    /// <inheritdoc/>
    public override void OnEvent(SparkListenerEvent e)
    {
        if (_delayPerEvent > TimeSpan.Zero)
        {
            Thread.Sleep(_delayPerEvent);
        }

        _writer.Write(e);
    }

    /// <summary>
    /// Closes the log after the bus stopped: appends the closing record with what the eventLog queue dropped, and
    /// renames the file from its in-progress name.
    /// </summary>
    public void Close(BusStats stats) => _writer.Close(stats, QueueNames.EventLog);

    /// <summary>Closes the log without a dropped count, when the run failed before <see cref="Close"/>.</summary>
    public void Dispose() => _writer.Dispose();
}
