using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneratedBus.EventLog.Writing;

/// <summary>
/// Writes a bus's events to an event log, one JSON line each, behind a log-start record; on <see cref="Close(long)"/>
/// it appends a closing record saying how many events its queue dropped and how many it failed to write, then gives the
/// file its final name. Meant for a listener on its own queue (by convention <c>eventLog</c>): a firehose listener
/// whose <c>OnEvent</c> calls <see cref="Write"/>.
/// </summary>
/// <typeparam name="TEvent">The bus's event root.</typeparam>
/// <remarks>
/// <see cref="Write"/> never throws: a failure is counted in <see cref="GetStats"/> and the closing record, and logged.
/// It is thread-safe (one lock, uncontended but for the interval flush), though a queue calls it from one thread.
/// </remarks>
public sealed class EventLogWriter<TEvent> : IDisposable
{
    // Lines collect here and go to the file in batches of about this size, or on a flush.
    private const int BatchBytes = 64 * 1024;

    private readonly object _gate = new();
    private readonly EventLogWriterOptions<TEvent> _options;
    private readonly EventLogTarget _target;
    private readonly ArrayBufferWriter<byte> _batch = new(BatchBytes + 4096);
    private readonly EventLineWriter<TEvent> _lines;
    private readonly Utf8JsonWriter _records;
    private readonly ILogger _logger;
    private readonly ITimer? _timer;
    private int _batchEvents;
    private long _partBytes;
    private bool _unflushed;
    private bool _closed;
    private long _written;
    private long _skipped;
    private long _bytes;
    private long _failures;
    private bool _failureLogged;

    /// <summary>
    /// Starts a log at <paramref name="path"/>: a file named <c>&lt;path&gt;.inprogress</c> until closed (with
    /// <c>.gz</c> or <c>.br</c> added when compressed), or with <see cref="EventLogWriterOptions{TEvent}.RollAtBytes"/>
    /// a directory of parts.
    /// </summary>
    /// <param name="path">The log's final name.</param>
    /// <param name="codec">The bus's codec, <c>{Bus}JsonCodec.Instance</c>.</param>
    /// <param name="options">How to write; <see cref="EventLogWriterOptions{TEvent}.BusName"/> is required.</param>
    /// <exception cref="IOException">The log exists and <see cref="EventLogWriterOptions{TEvent}.Overwrite"/> is not set, or it cannot be created.</exception>
    public EventLogWriter(string path, IEventJsonCodec<TEvent> codec, EventLogWriterOptions<TEvent> options)
        : this(codec, options, () => CreateTarget(path, options))
    {
    }

    /// <summary>
    /// Starts a log on <paramref name="output"/>, compressed as the options say; <see cref="Close(long)"/> disposes it.
    /// No names change and no parts roll.
    /// </summary>
    /// <param name="output">The stream to write to.</param>
    /// <param name="name">The log's name in messages.</param>
    /// <param name="codec">The bus's codec.</param>
    /// <param name="options">How to write; <see cref="EventLogWriterOptions{TEvent}.RollAtBytes"/> must be unset.</param>
    public EventLogWriter(Stream output, string name, IEventJsonCodec<TEvent> codec, EventLogWriterOptions<TEvent> options)
        : this(codec, options, () => CreateTarget(output, name, options))
    {
    }

    private EventLogWriter(IEventJsonCodec<TEvent> codec, EventLogWriterOptions<TEvent> options, Func<EventLogTarget> target)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger(Log.EventLogWriterCategory) ?? NullLogger.Instance;
        _lines = new EventLineWriter<TEvent>(codec, _batch);
        _records = new Utf8JsonWriter(_batch);
        _target = target();
        WriteRecord(w => EventLogFormat.WriteStart(w, new EventLogStart(EventLogFormat.Version, options.BusName, EventLogFormat.WriterVersion)));
        Drain(flush: true);
        if (options.FlushInterval is { } interval)
        {
            _timer = options.TimeProvider.CreateTimer(static state => ((EventLogWriter<TEvent>)state!).FlushIfUnflushed(), this, interval, interval);
        }
    }

    /// <summary>The log's final name: the file (with any compression extension) or the rolled directory.</summary>
    public string Path => _target.Path;

    /// <summary>Whether <see cref="Close(long)"/> or <see cref="Dispose"/> has run.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="event"/> as one line, unless <see cref="EventLogWriterOptions{TEvent}.Include"/> leaves it
    /// out; flushes after it when <see cref="EventLogWriterOptions{TEvent}.FlushOn"/> says so. Never throws: an event
    /// that cannot be written (refused by the codec, a failing file, the writer closed) is counted and logged.
    /// </summary>
    /// <param name="event">The event.</param>
    public void Write(TEvent @event)
    {
        lock (_gate)
        {
            if (_closed)
            {
                Failed(new ObjectDisposedException(nameof(EventLogWriter<TEvent>), "The event log is closed."), 1, @event);
                return;
            }

            bool flush;
            try
            {
                if (_options.Include is { } include && !include(@event))
                {
                    _skipped++;
                    return;
                }

                _partBytes += _lines.WriteLine(@event);
                _batchEvents++;
                flush = _options.FlushOn is { } flushOn && flushOn(@event);
            }
            catch (Exception exception)
            {
                // The line writer leaves no partial line behind, so only this event is lost.
                Failed(exception, 1, @event);
                return;
            }

            if (flush || _batch.WrittenCount >= BatchBytes || (_target.CanRoll && _partBytes >= _options.RollAtBytes))
            {
                Drain(flush);
            }
        }
    }

    /// <summary>Writes the buffered lines to the file and flushes it (and its compressor). Never throws; a failure is counted.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_closed)
            {
                Drain(flush: true);
            }
        }
    }

    /// <summary>
    /// Closes the log: writes what is buffered and the closing record, then renames it from its in-progress name.
    /// Call it once the writer's queue is stopped, with the number of events the queue dropped
    /// (<c>bus.GetStats().Queues["eventLog"].Dropped</c>). Later calls do nothing. Never throws; failures are logged.
    /// </summary>
    /// <param name="eventsDropped">Events the writer's queue dropped, which the log therefore lacks.</param>
    public void Close(long eventsDropped)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventsDropped);
        Close((long?)eventsDropped);
    }

    /// <summary>
    /// Closes the log as <see cref="Close(long)"/> does, with the queue's dropped count taken from
    /// <paramref name="stats"/>' queue named <paramref name="queue"/> (0 when the bus has no such queue).
    /// </summary>
    /// <param name="stats">The bus's stats, taken after the queue stopped.</param>
    /// <param name="queue">The writer's queue, by convention <c>eventLog</c>.</param>
    public void Close(BusStats stats, string queue)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Close(stats.Queues.TryGetValue(queue, out QueueStats? q) ? q.Dropped : 0);
    }

    /// <summary>
    /// Closes the log without knowing what its queue dropped: the closing record says <c>"EventsDropped":null</c>.
    /// Prefer <see cref="Close(long)"/>.
    /// </summary>
    public void Dispose() => Close((long?)null);

    /// <summary>The writer's counters now.</summary>
    public EventLogWriterStats GetStats()
    {
        lock (_gate)
        {
            return new EventLogWriterStats(_written, _skipped, _bytes, _failures);
        }
    }

    private void Close(long? eventsDropped)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _timer?.Dispose();
            Drain(flush: false);
            var end = new EventLogEnd(_written, eventsDropped, _failures);
            WriteRecord(w => EventLogFormat.WriteEnd(w, end));
            Drain(flush: true);
            _closed = true;
            try
            {
                _target.Complete();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                Log.Safely(() => _logger.EventLogWriteFailed(exception, Path, 0, "closing the log"));
                _target.Abandon();
            }

            if (_failures > 0 || eventsDropped is not 0)
            {
                long failures = _failures;
                Log.Safely(() => _logger.EventLogClosedWithFailures(Path, failures, eventsDropped));
            }

            _lines.Dispose();
            _records.Dispose();
        }
    }

    private void FlushIfUnflushed()
    {
        lock (_gate)
        {
            if (!_closed && (_unflushed || _batch.WrittenCount > 0))
            {
                Drain(flush: true);
            }
        }
    }

    private void WriteRecord(Action<Utf8JsonWriter> record)
    {
        record(_records);
        _records.Flush();
        _records.Reset(_batch);
        _batch.GetSpan(1)[0] = (byte)'\n';
        _batch.Advance(1);
    }

    // Moves the batch to the file; the events in it count as written only once it got there. Under the lock.
    private void Drain(bool flush)
    {
        Debug.Assert(Monitor.IsEntered(_gate), "Drain runs under the lock.");
        Debug.Assert(_batchEvents == 0 || _batch.WrittenCount > 0, "Batched events have bytes.");
        int events = _batchEvents;
        try
        {
            if (_batch.WrittenCount > 0)
            {
                _target.Current.Write(_batch.WrittenSpan);
                _unflushed = true;
            }

            if (flush && _unflushed)
            {
                _target.Current.Flush();
                _unflushed = false;
            }

            _written += events;
            _bytes += _batch.WrittenCount;
            if (_target.CanRoll && _partBytes >= _options.RollAtBytes)
            {
                _target.Roll();
                _partBytes = 0;
                _unflushed = false;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException or InvalidOperationException)
        {
            Failed(exception, events, default);
        }
        finally
        {
            _batch.ResetWrittenCount();
            _batchEvents = 0;
        }
    }

    private void Failed(Exception exception, long events, TEvent? @event)
    {
        _failures += events;
        if (!_failureLogged)
        {
            _failureLogged = true;
            string what = @event?.GetType().Name ?? "a batch";
            Log.Safely(() => _logger.EventLogWriteFailed(exception, Path, events, what));
        }
    }

    private static EventLogTarget CreateTarget(string path, EventLogWriterOptions<TEvent> options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        return options.RollAtBytes is null
            ? new SingleFileTarget(path, options.Compression, options.CompressionLevel, options.Overwrite)
            : new RolledDirectoryTarget(path, options.Compression, options.CompressionLevel, options.Overwrite);
    }

    private static EventLogTarget CreateTarget(Stream output, string name, EventLogWriterOptions<TEvent> options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RollAtBytes is not null)
        {
            throw new ArgumentException("A log written to a stream cannot roll; RollAtBytes needs a path.", nameof(options));
        }

        return new StreamTarget(EventLogTarget.Compress(output, options.Compression, options.CompressionLevel), name ?? "stream");
    }
}
