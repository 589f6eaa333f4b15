using System;
using System.Collections.Generic;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Logs each queue's drops since its last report (<see cref="Log.DropSummary"/>), and its listeners' failures not
/// logged in full (<see cref="ListenerGuard{TListener, TEvent}.LogFailureSummary"/>): on a schedule, at most once per
/// <see cref="BusOptions.DropReportInterval"/>, at Stop for drops not yet reported, and when a retired queue's final
/// counters are folded. Owns its schedule (a <see cref="TimeProvider"/> timer), its lock and each queue's report cursor.
/// </summary>
/// <remarks>
/// The lock makes each drop reported once, by whichever report takes it first. It may be taken under the bus lock
/// (<see cref="Track"/>), never the other way round, and reports never take the bus lock. Reports hand their entries
/// to the bus's <see cref="LogPump"/>, so no caller (the bus lock's holders among them) ever waits for a logger here.
/// </remarks>
internal sealed class DropReporter<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly object _lock = new();
    private readonly BusContext _context;

    // Under _lock: the queues created and not yet finally reported, each with the drops reported so far and when.
    private readonly List<Cursor> _cursors = new();
    private ITimer? _schedule;

    public DropReporter(BusContext context)
    {
        _context = context;
    }

    /// <summary>Starts following a new queue; its first report counts from now, its creation.</summary>
    public void Track(AsyncEventQueue<TListener, TEvent> queue)
    {
        DateTimeOffset now = _context.TimeProvider.GetUtcNow();
        lock (_lock)
        {
            _cursors.Add(new Cursor(queue, now));
        }
    }

    /// <summary>Starts the schedule (unless the interval is infinite).</summary>
    public void StartSchedule()
    {
        TimeSpan interval = _context.DropReportInterval;
        if (interval != Timeout.InfiniteTimeSpan)
        {
            _schedule = _context.TimeProvider.CreateTimer(static s => ((DropReporter<TListener, TEvent>)s!).ReportAll(), this, interval, interval);
        }
    }

    /// <summary>Stops the schedule; a report already running finishes.</summary>
    public void StopSchedule() => Interlocked.Exchange(ref _schedule, null)?.Dispose();

    /// <summary>Logs, per queue, the drops since the last report: the schedule's callback and Stop's last word.</summary>
    public void ReportAll()
    {
        lock (_lock)
        {
            DateTimeOffset now = _context.TimeProvider.GetUtcNow();
            foreach (Cursor cursor in _cursors)
            {
                Report(cursor, now);
            }
        }
    }

    /// <summary>Logs the last drops of queues whose thread has ended, and stops following them.</summary>
    public void ReportFinal(List<AsyncEventQueue<TListener, TEvent>> exited)
    {
        if (exited.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            DateTimeOffset now = _context.TimeProvider.GetUtcNow();
            foreach (Cursor cursor in _cursors.FindAll(c => exited.Contains(c.Queue)))
            {
                Report(cursor, now);
                _cursors.Remove(cursor);
            }
        }
    }

    private void Report(Cursor cursor, DateTimeOffset now)
    {
        Invariant.LockHeld(_lock, "a drop report cursor moves under the reporter's lock");

        // The queue's listener failures are summarised on the same schedule, by the pump, like its drops.
        ListenerGuard<TListener, TEvent> guard = cursor.Queue.Guard;
        _context.LogPump.Write(guard.LogFailureSummary);
        long dropped = cursor.Queue.Accounting.Refused;
        long count = dropped - cursor.Reported;
        if (count == 0)
        {
            // Like Spark: "since" is the last report (or the queue's creation), not the last quiet tick.
            return;
        }

        DateTimeOffset since = cursor.Since;
        cursor.Reported = dropped;
        cursor.Since = now;
        _context.LogPump.Write(() => _context.Logger.DropSummary(count, cursor.Queue.Name, _context.Name, since));
        _context.LogPump.Write(() => BusEventSource.Instance.EventsDropped(_context.Name, cursor.Queue.Name, count, "the queue was full"));
    }

    /// <summary>One queue's report cursor: drops reported so far, and since when the next report counts.</summary>
    private sealed class Cursor(AsyncEventQueue<TListener, TEvent> queue, DateTimeOffset since)
    {
        public AsyncEventQueue<TListener, TEvent> Queue { get; } = queue;

        public long Reported { get; set; }

        public DateTimeOffset Since { get; set; } = since;
    }
}
