using System;
using System.IO;
using GeneratedBus;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Listeners;
using SparkScheduler.Listeners.Liveness;
using SparkScheduler.Reporting;
using SparkScheduler.Simulation;

namespace SparkScheduler;

/// <summary>The main job: wires the bus, its four queues and listeners, runs the simulated driver and reports.</summary>
public static class SparkSchedulerApp
{
    /// <summary>Exit code of a successful run (and of <c>--help</c>).</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run that failed after its arguments were accepted.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad arguments; the usage goes to stderr.</summary>
    public const int BadArguments = 2;

    /// <summary>Runs the job with <paramref name="args"/>, printing the table to <paramref name="stdout"/> and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where the table, the report's path and <c>--help</c> go.</param>
    /// <param name="stderr">Where progress, errors and the usage after bad arguments go.</param>
    /// <returns><see cref="Success"/>, <see cref="Failure"/> or <see cref="BadArguments"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        SchedulerOptions options;
        try
        {
            options = OptionsParser.Parse(args);
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine();
            stderr.Write(OptionsParser.Usage());
            return BadArguments;
        }

        if (options.Help)
        {
            stdout.Write(OptionsParser.Usage());
            return Success;
        }

        try
        {
            // Only the real console's stderr can be a terminal; a writer handed in by a test never is.
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            RunResult result = Simulate(options, new ProgressLine(stderr, terminal));
            ResultTable.Write(stdout, result);
            string report = Path.GetFullPath(options.ReportPath);
            HtmlReport.Write(report, result);
            stdout.WriteLine("Report: " + report);
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + e.Message);
            return Failure;
        }
    }

    private static RunResult Simulate(SchedulerOptions options, ProgressLine progress)
    {
        var busOptions = new BusOptions
        {
            Name = "SparkScheduler",
            QueueCapacity = options.QueueCapacity,
            QueueCapacities = { [QueueNames.EventLog] = options.SlowQueueCapacity },
        };
        var clock = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(DagScheduler.StartMs));
        var appStatus = new AppStatusListener();
        var firehose = new EventCounter();
        var eventLog = new SlowEventLogListener(options.SlowListenerDelay);
        using var liveness = new ExecutorLivenessListener(clock, options.ExecutorTimeout);
        using var bus = new SparkBus(busOptions);
        bus.AddToQueue(appStatus, QueueNames.AppStatus);
        bus.AddToQueue(liveness, QueueNames.ExecutorManagement);
        bus.AddToSharedQueue(firehose);
        bus.AddToQueue(eventLog, QueueNames.EventLog);
        bus.Start();

        using var monitor = new RunMonitor(bus, options.SampleInterval, progress);
        monitor.Start();
        var pacer = new DriverPacer(bus);
        var driver = new DagScheduler(options, clock, e =>
        {
            bus.Post(e);
            pacer.AfterPost();
        });
        SimulationOutcome outcome = driver.Run();

        // Stop drains every queue, the slow one included; then the liveness loop gets what its listener handed it.
        bus.Stop();
        liveness.Dispose();
        monitor.Stop();
        return new RunResult(
            options, bus.GetStats(), appStatus.Summary(), liveness.Expired, firehose, eventLog.Written, outcome,
            monitor.Elapsed, pacer.Waited, monitor.Samples);
    }
}
