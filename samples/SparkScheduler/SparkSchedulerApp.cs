using System;
using System.Collections.Generic;
using System.IO;
using GeneratedBus;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Redis;
using SparkScheduler.Reporting;
using SparkScheduler.Simulation;

namespace SparkScheduler;

/// <summary>The main job: wires the bus, its four queues and listeners, runs the simulated driver and reports.</summary>
public static class SparkSchedulerApp
{
    /// <summary>Exit code of a successful run (and of <c>--help</c>).</summary>
    public const int Success = 0;

    /// <summary>
    /// Exit code of a run that failed after its arguments were accepted: the report could not be written, a queue that
    /// must not drop dropped, a queue does not balance, the liveness listener failed or disagreed with the driver, or
    /// an unexpected error. The reason is on stderr.
    /// </summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad arguments; the usage goes to stderr.</summary>
    public const int BadArguments = 2;

    /// <summary>The bus's name: the <c>bus</c> tag of its logs and metrics.</summary>
    internal const string BusName = "SparkScheduler";

    /// <summary>
    /// Runs the job with <paramref name="args"/>, printing the table to <paramref name="stdout"/> and progress to
    /// <paramref name="stderr"/>; or, when the first argument is <c>replay</c>, replays Spark event logs (see <c>replay --help</c>); or, for <c>history</c>, reads a run's Redis stream (see <c>history --help</c>).
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where the table, the report's path and <c>--help</c> go.</param>
    /// <param name="stderr">Where progress, errors and the usage after bad arguments go.</param>
    /// <returns><see cref="Success"/>, <see cref="Failure"/> or <see cref="BadArguments"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length > 0 && args[0] == ReplayOptionsParser.Command)
        {
            return Replay.ReplayCommand.Run(args[1..], stdout, stderr);
        }

        if (args.Length > 0 && args[0] == HistoryOptionsParser.Command)
        {
            return Redis.HistoryCommand.Run(args[1..], stdout, stderr);
        }

        SchedulerOptions options;
        try
        {
            options = OptionsParser.Parse(args);
        }
        catch (UsageException e)
        {
            return CommandEnd.BadArguments(stderr, e, OptionsParser.Usage());
        }

        if (options.Help)
        {
            stdout.Write(OptionsParser.Usage());
            return Success;
        }

        RunPublisher? redis;
        try
        {
            // Before anything runs: an unreachable Redis or a used stream is the caller's to fix, like bad arguments.
            redis = options.Redis is { } address ? RunPublisher.Open(address, new RunStream(options.Stream)) : null;
        }
        catch (RedisSetupException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return BadArguments;
        }

        try
        {
            // Only the real console's stderr can be a terminal; a writer handed in by a test never is.
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            RunResult result = Simulate(options, new ProgressLine(stderr, terminal), redis);
            ResultTable.Write(stdout, result);
            string report = Path.GetFullPath(options.ReportPath);
            HtmlReport.Write(report, result);
            stdout.WriteLine("Report: " + report);
            stdout.WriteLine("Event log: " + result.EventLogPath);
            if (result.Redis is { } bridge)
            {
                stdout.WriteLine(bridge);
                if (bridge.GaveUp)
                {
                    stderr.WriteLine(bridge.GaveUpWarning(RunPublisher.StallTimeout));
                }

                if (!bridge.EndMarked)
                {
                    stderr.WriteLine($"warning: Redis was unreachable at the end, so the end marker of stream '{bridge.Stream}' is missing; history stops at the application's end event, if that reached the stream.");
                }
            }

            return Verdict(result, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (Exception e)
        {
            return CommandEnd.Unexpected(stderr, "the run", e);
        }
        finally
        {
            redis?.Dispose();
        }
    }

    /// <summary>The table and the report are written either way; a run whose numbers cannot be trusted then fails with its reasons on stderr.</summary>
    internal static int Verdict(RunResult result, TextWriter stderr)
    {
        foreach (Exception e in result.Liveness.FirstErrors)
        {
            stderr.WriteLine("error: the executor-liveness loop failed on a message: " + e);
        }

        IReadOnlyList<string> problems = result.Problems();
        foreach (string problem in problems)
        {
            stderr.WriteLine("error: " + problem);
        }

        return problems.Count == 0 ? Success : Failure;
    }

    /// <summary>Runs the bus and the simulated driver with <paramref name="options"/> and gathers what they did.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="progress">Where progress goes.</param>
    /// <param name="redis">With <c>--redis</c>, the publisher that also sends every event to the run's stream.</param>
    internal static RunResult Simulate(SchedulerOptions options, ProgressLine progress, RunPublisher? redis = null)
    {
        // The queues that must not drop make the driver wait for room (back-pressure); the event log drops when its
        // slow listener falls behind, counted, as Spark's queues do, unless --event-log-queue wait makes it wait too.
        var busOptions = new BusOptions
        {
            Name = BusName,
            QueueCapacity = options.QueueCapacity,
            QueueFullMode = QueueFullMode.Wait,
            QueueCapacities = { [QueueNames.EventLog] = options.SlowQueueCapacity },
            QueueFullModes = { [QueueNames.EventLog] = options.EventLogQueueMode },
        };
        if (redis is not null)
        {
            busOptions.QueueCapacities[QueueNames.Redis] = options.QueueCapacity;
            busOptions.QueueFullModes[QueueNames.Redis] = QueueFullMode.DropWrite;
        }

        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(DagScheduler.StartMs));
        var appStatus = new AppStatusListener();
        var firehose = new EventCounter();
        using var eventLog = new EventLoggingListener(options.EventLogFullPath(), options.SlowListenerDelay);
        using var liveness = new ExecutorLivenessListener(clock, options.ExecutorTimeout);
        using var bus = new SparkBus(busOptions);
        bus.AddToQueue(appStatus, QueueNames.AppStatus);
        bus.AddToQueue(liveness, QueueNames.ExecutorManagement);
        bus.AddToSharedQueue(firehose);
        bus.AddToQueue(eventLog, QueueNames.EventLog);
        redis?.Attach(bus);
        bus.Start();

        using var monitor = new RunMonitor(bus, options.SampleInterval, progress);
        using var waits = new ProducerWaitMeter(BusName);
        monitor.Start();
        var driver = new DagScheduler(options, clock, bus.Post, liveness.FirstCheckMs);
        SimulationOutcome outcome = driver.Run();
        redis?.DrainOrGiveUp(bus); // so that Stop below never waits for an unreachable Redis

        // Stop drains every queue, the slow one included; then the liveness loop gets what its listener handed it.
        bus.Stop();
        liveness.Dispose();
        monitor.Stop();
        BusStats stats = bus.GetStats();
        eventLog.Close(stats);
        PublishedRun? published = redis?.Finish(stats.Queues[QueueNames.Redis]);
        return new RunResult(
            options, stats, appStatus.Summary(), LivenessResult.Of(liveness), firehose, eventLog.Written, outcome,
            monitor.Elapsed, waits.Snapshot(), monitor.Samples)
        {
            EventLogPath = eventLog.Path,
            EventLogWriteFailures = eventLog.WriteFailures,
            Redis = published,
        };
    }
}
