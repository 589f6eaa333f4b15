using System;
using System.Collections.Generic;
using SparkScheduler.Cli;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;
using SparkScheduler.Listeners.Liveness;

namespace SparkScheduler.Simulation;

/// <summary>
/// A seeded, single-threaded simulation of Spark's driver: executors join, jobs run their stages one after another,
/// stages their tasks on free executor slots, heartbeats arrive, some executors are killed or hang, and the
/// application ends. Every event goes to <c>post</c> in simulated-time order; the same options give the same events.
/// </summary>
internal sealed partial class DagScheduler
{
    /// <summary>2025-01-01T00:00:00Z: the simulated application starts here, so a seed's times never change.</summary>
    public const long StartMs = 1_735_689_600_000;

    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    private readonly SchedulerOptions _options;
    private readonly SimulationClock _clock;
    private readonly Action<SparkListenerEvent> _post;
    private readonly long _firstExpiryCheckMs;
    private readonly List<string> _hungRemoved = [];
    private readonly Random _random;
    private readonly PriorityQueue<Happening, (long At, long Seq)> _agenda = new();
    private readonly List<ExecutorState> _executors = [];
    private long _now = StartMs;
    private long _seq;
    private long _posted;
    private int _nextRddId;
    private int _nextStageId;

    /// <summary>Creates the driver; nothing happens until <see cref="Run"/>.</summary>
    /// <param name="options">The application's size and failures.</param>
    /// <param name="clock">The simulation clock, advanced as the application runs; it should read <see cref="StartMs"/>.</param>
    /// <param name="post">Where every event goes.</param>
    /// <param name="firstExpiryCheckMs">
    /// When the liveness listener's first expiry check fires (<see cref="ExecutorLivenessListener.FirstCheckMs"/>): the
    /// driver applies the same <see cref="ExpiryRule"/> from it to know when that listener expires a hung executor.
    /// </param>
    public DagScheduler(SchedulerOptions options, SimulationClock clock, Action<SparkListenerEvent> post, long firstExpiryCheckMs)
    {
        _options = options;
        _clock = clock;
        _post = post;
        _firstExpiryCheckMs = firstExpiryCheckMs;
        _random = new Random(options.Seed);
    }

    /// <summary>Runs the whole application and returns what it did.</summary>
    public SimulationOutcome Run()
    {
        string appId = $"app-20250101000000-{(uint)_options.Seed % 10_000:D4}";
        Post(new ApplicationStart(_options.AppName, appId, _now, "spark"));
        Post(new EnvironmentUpdate(_now, SparkProperties(appId), SystemProperties()));
        Post(new BlockManagerAdded(_now, new BlockManagerId("driver", "driver.cluster.local", 7_079), 2L << 30));
        for (int i = 0; i < _options.Executors; i++)
        {
            AddExecutor(_now + 50 + (i * 7L));
        }

        ScheduleExecutorFailures();

        int failedJobs = 0;
        for (int job = 0; job < _options.Jobs; job++)
        {
            if (!RunJob(job))
            {
                failedJobs++;
            }
        }

        Advance(_now + 1_000);
        Post(new ApplicationEnd(_now, failedJobs == 0 ? 0 : 1));
        return new SimulationOutcome(_posted, _now - StartMs, _executors.Count, _hungRemoved);
    }

    private bool RunJob(int jobId)
    {
        var properties = new Dictionary<string, string>
        {
            ["spark.job.description"] = $"count at Pipeline.scala:{40 + (jobId % 50)}",
            ["spark.scheduler.pool"] = jobId % 3 == 0 ? "etl" : "default",
            ["spark.jobGroup.id"] = $"group-{jobId / 10}",
        };
        var stages = new StageRun[_options.StagesPerJob];
        var infos = new StageInfo[stages.Length];
        for (int s = 0; s < stages.Length; s++)
        {
            int stageId = _nextStageId++;
            int[] parents = s == 0 ? [] : [stageId - 1];
            bool isResult = s == stages.Length - 1;
            string name = isResult ? $"count at Pipeline.scala:{40 + (jobId % 50)}" : $"map at Pipeline.scala:{20 + s}";
            infos[s] = new StageInfo(stageId, 0, name, _options.TasksPerStage, parents, [new RddInfo(_nextRddId++, name)]);
            stages[s] = new StageRun(infos[s], isResult, cached: _random.Next(3) == 0, typicalTaskMs: _random.Next(300, 2_000));
        }

        Advance(_now + 20);
        Post(new JobStart(jobId, _now, infos, properties));

        string? failure = null;
        foreach (StageRun stage in stages)
        {
            if (!RunStage(stage, properties))
            {
                failure = $"Job aborted due to stage failure: {stage.FailureReason}";
                break;
            }
        }

        Advance(_now + 5);
        Post(new JobEnd(jobId, _now, failure is null ? JobResult.Success : JobResult.Failed(failure)));
        foreach (StageRun stage in stages)
        {
            if (stage.Cached)
            {
                Post(new UnpersistRdd(stage.Info.RddId, _now));
            }
        }

        return failure is null;
    }

    private bool RunStage(StageRun stage, IReadOnlyDictionary<string, string> properties)
    {
        Advance(_now + 10);
        stage.Info = stage.Info with { SubmissionTime = _now };
        Post(new StageSubmitted(stage.Info, _now, properties));
        for (int i = 0; i < stage.Info.NumTasks; i++)
        {
            stage.Pending.Enqueue(new PendingTask(i, Speculative: false));
        }

        LaunchTasks(stage);
        while (!stage.Finished)
        {
            if (!_agenda.TryDequeue(out Happening? next, out (long At, long Seq) when))
            {
                throw new InvalidOperationException($"Stage {stage.Info.StageId} has tasks left but nothing can happen any more.");
            }

            Advance(Math.Max(_now, when.At));
            Handle(next, stage);
            LaunchTasks(stage);
        }

        stage.Info = stage.Info with { CompletionTime = _now, FailureReason = stage.FailureReason };
        Post(new StageCompleted(stage.Info, _now));
        return stage.FailureReason is null;
    }

    private void Handle(Happening happening, StageRun stage)
    {
        switch (happening.Kind)
        {
            case HappeningKind.TaskFinished: FinishTask(happening.Attempt!); break;
            case HappeningKind.SpeculationCheck: Speculate(happening.Attempt!); break;
            case HappeningKind.Heartbeat: Heartbeat(happening.Executor!); break;
            case HappeningKind.ExecutorKilled: KillExecutor(happening.Executor!); break;
            case HappeningKind.ExecutorHangs: Hang(happening.Executor!); break;
            case HappeningKind.HungExecutorExpired: ExpireHungExecutor(happening.Executor!); break;
            case HappeningKind.ExecutorReplaced: AddExecutor(_now); break;
            case HappeningKind.Unblacklist: Unblacklist(happening.Executor!); break;
            default: throw new InvalidOperationException($"Unknown happening {happening.Kind} in stage {stage.Info.StageId}.");
        }
    }

    private void Schedule(long at, Happening happening) => _agenda.Enqueue(happening, (at, _seq++));

    // Timers on the simulation clock (the liveness listener's expiry check) fire here, before the events of this time.
    private void Advance(long to)
    {
        _now = to;
        _clock.AdvanceTo(to);
    }

    private void Post(SparkListenerEvent e)
    {
        _posted++;
        _post(e);
    }

    private IReadOnlyDictionary<string, string> SparkProperties(string appId) => new Dictionary<string, string>
    {
        ["spark.app.id"] = appId,
        ["spark.app.name"] = "SparkScheduler",
        ["spark.master"] = "yarn",
        ["spark.executor.instances"] = _options.Executors.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["spark.executor.cores"] = _options.CoresPerExecutor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["spark.executor.heartbeatInterval"] = $"{_options.HeartbeatInterval.TotalSeconds}s",
        ["spark.network.timeout"] = $"{_options.ExecutorTimeout.TotalSeconds}s",
        ["spark.task.maxFailures"] = "4",
        ["spark.speculation"] = "true",
        ["spark.scheduler.listenerbus.eventqueue.capacity"] = _options.QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IReadOnlyDictionary<string, string> SystemProperties() => new Dictionary<string, string>
    {
        ["java.version"] = "17.0.12",
        ["os.name"] = "Linux",
        ["user.timezone"] = "UTC",
    };
}
