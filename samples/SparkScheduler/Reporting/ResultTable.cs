using System;
using System.Globalization;
using System.IO;
using System.Linq;
using GeneratedBus;
using SparkScheduler.Events;
using SparkScheduler.Listeners;

namespace SparkScheduler.Reporting;

/// <summary>
/// The end-of-run table on stdout. Sections start with a title line and end with a blank line; rows are
/// whitespace-separated with plain integers, so a test (or awk) can read them back.
/// </summary>
internal static class ResultTable
{
    /// <summary>Section titles, as printed.</summary>
    public const string Queues = "Queues", Listeners = "Listeners", AppStatus = "App status", Liveness = "Executor liveness", EventTypes = "Events by type";

    /// <summary>
    /// The "App status" section: a run prints it, and so does <c>replay</c> of the run's event log, which through the
    /// same listener must print it identically.
    /// </summary>
    public static void WriteAppStatus(TextWriter o, AppStatusSummary status)
    {
        o.WriteLine(AppStatus);
        foreach ((string name, string value) in status.Rows())
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {value}"));
        }
    }

    public static void Write(TextWriter o, RunResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = r.Elapsed.TotalSeconds;
        o.WriteLine(string.Create(inv, $"SparkScheduler: {r.Stats.EventsPosted} events in {seconds:F2} s ({r.Stats.EventsPosted / Math.Max(seconds, 1e-9):F0} events/s), seed {r.Options.Seed}, {r.Outcome.SimulatedMs / 1000.0:F0} s simulated"));
        o.WriteLine(string.Create(inv, $"The driver waited {r.DriverWaited.TotalMilliseconds:F0} ms for room in the queues that must not drop (Wait queues); {SparkScheduler.Listeners.QueueNames.EventLog} drops instead (DropWrite)."));
        o.WriteLine($"Application {TerminalText.Safe(r.AppStatus.ApplicationName)} ({TerminalText.Safe(r.AppStatus.ApplicationId)})");
        o.WriteLine();

        o.WriteLine(Queues);
        o.WriteLine(string.Create(inv, $"{"queue",-20} {"capacity",10} {"posted",12} {"processed",12} {"dropped",12} {"waits",10} {"waited_ms",10} {"skipped",12}"));
        foreach (QueueStats q in r.QueuesInOrder())
        {
            ProducerWaits w = r.WaitsOf(q.Name);
            o.WriteLine(string.Create(inv, $"{q.Name,-20} {q.Capacity,10} {q.Posted,12} {q.Processed,12} {q.Dropped,12} {w.Waits,10} {w.Waited.TotalMilliseconds,10:F0} {q.Skipped,12}"));
        }

        o.WriteLine();
        o.WriteLine(Listeners);
        o.WriteLine(string.Create(inv, $"{"listener",-26} {"events",12} {"failures",9} {"mean_us",10} {"max_us",10}"));
        foreach (ListenerStats l in r.ListenersInOrder())
        {
            double mean = ListenerTiming.MeanMicroseconds(l);
            o.WriteLine(string.Create(inv, $"{l.ListenerType.Name,-26} {l.Events,12} {l.Failures,9} {mean,10:F2} {l.MaxTime.TotalMicroseconds,10:F0}"));
        }

        o.WriteLine();
        WriteAppStatus(o, r.AppStatus);

        o.WriteLine();
        o.WriteLine(Liveness);
        o.WriteLine(string.Create(inv, $"{"executors.expired",-28} {r.Liveness.Expired.Count}"));
        o.WriteLine(string.Create(inv, $"{"failures",-28} {r.Liveness.Failures}"));
        foreach (var x in r.Liveness.Expired)
        {
            o.WriteLine(string.Create(inv, $"{"expired." + x.ExecutorId,-28} silent {x.ExpiredAt - x.LastSeen} ms at check +{(x.ExpiredAt - Simulation.DagScheduler.StartMs) / 1000} s"));
        }

        foreach (string id in r.Outcome.HungExecutorsRemoved)
        {
            o.WriteLine(string.Create(inv, $"{"hung." + id,-28} removed by the driver on heartbeat timeout"));
        }

        o.WriteLine();
        o.WriteLine(EventTypes);
        o.WriteLine(string.Create(inv, $"{"firehose.total",-28} {r.Firehose.Total}"));
        // Every declared kind (1 ..), then Other only if an undeclared event type reached the firehose.
        for (int k = 1; k < SparkDispatcher.KindCount; k++)
        {
            var kind = (SparkEventKind)k;
            o.WriteLine(string.Create(inv, $"{SparkDispatcher.NameOf(kind),-28} {r.Firehose.Count(kind)}"));
        }

        if (r.Firehose.Count(SparkEventKind.Other) > 0)
        {
            o.WriteLine(string.Create(inv, $"{SparkDispatcher.NameOf(SparkEventKind.Other),-28} {r.Firehose.Count(SparkEventKind.Other)}"));
        }

        o.WriteLine(string.Create(inv, $"{"eventLog.written",-28} {r.EventLogWritten}"));
        o.WriteLine();
    }
}
