using System;
using System.Collections.Generic;
using System.Globalization;
using SparkScheduler.Events;
using SparkScheduler.Events.Info;

namespace SparkScheduler.Listeners.AppStatus;

/// <summary>
/// What Spark's History Server answers for one application attempt, rebuilt from its events with the rules of Spark's
/// <c>AppStatusListener</c>: the application, its jobs, stage attempts and executors. Fed by <see cref="AppStatusListener"/>
/// on one thread; read once the events are in (a run's end, or a replayed log's).
/// </summary>
internal sealed partial class AppStatusStore
{
    /// <summary>The id Spark gives the driver; logs before Spark 1.4 wrote <c>&lt;driver&gt;</c>.</summary>
    public const string DriverId = "driver";

    private readonly Dictionary<string, LiveExecutor> _executors = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> _taskCpusByProfile = [];
    private string _sparkVersion = "";
    private int _defaultTaskCpus = 1;

    /// <summary>The attempt, once its ApplicationStart was seen.</summary>
    public ApplicationAttempt? Application { get; private set; }

    /// <summary>Every executor seen, the driver included, removed ones too.</summary>
    public IEnumerable<LiveExecutor> Executors => _executors.Values;

    public void OnLogStart(LogStart e) => _sparkVersion = e.SparkVersion;

    public void OnApplicationStart(ApplicationStart e) =>
        Application = new ApplicationAttempt(e.AppId, e.AppName, e.AppAttemptId, e.Time, -1, e.SparkUser, _sparkVersion);

    public void OnApplicationEnd(ApplicationEnd e)
    {
        if (Application is not null)
        {
            Application = Application with { EndTime = e.Time };
        }
    }

    public void OnEnvironmentUpdate(EnvironmentUpdate e)
    {
        if (e.SparkProperties.TryGetValue("spark.task.cpus", out string? cpus)
            && int.TryParse(cpus, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0)
        {
            _defaultTaskCpus = n;
        }
    }

    public void OnResourceProfileAdded(ResourceProfileAdded e)
    {
        if (e.TaskResources is not null && e.TaskResources.TryGetValue("cpus", out TaskResourceRequest? cpus) && cpus.Amount >= 1)
        {
            _taskCpusByProfile[e.ResourceProfileId] = cpus.Amount;
        }
    }

    public void OnBlockManagerAdded(BlockManagerAdded e)
    {
        // The driver has no ExecutorAdded: its block manager is how it shows up among the executors.
        LiveExecutor exec = Executor(e.BlockManagerId.ExecutorId, e.Time);
        exec.HostPort = e.BlockManagerId.Host + ":" + e.BlockManagerId.Port.ToString(CultureInfo.InvariantCulture);
        exec.IsActive = true;
        exec.MaxMemory = e.MaxMemory;
    }

    public void OnExecutorAdded(ExecutorAdded e)
    {
        LiveExecutor exec = Executor(e.ExecutorId, e.Time);
        exec.Host = e.ExecutorInfo.Host;
        exec.IsActive = true;
        exec.TotalCores = e.ExecutorInfo.TotalCores;
        double cpus = _taskCpusByProfile.TryGetValue(e.ExecutorInfo.ResourceProfileId, out double c) ? c : _defaultTaskCpus;
        exec.MaxTasks = (int)(e.ExecutorInfo.TotalCores / Math.Floor(cpus));
    }

    public void OnExecutorRemoved(ExecutorRemoved e)
    {
        if (_executors.TryGetValue(Normalise(e.ExecutorId), out LiveExecutor? exec) && exec.IsActive)
        {
            exec.IsActive = false;
            exec.RemoveTime = e.Time;
            exec.RemoveReason = e.Reason;
        }
    }

    public void OnExecutorExcluded(string executorId, bool excluded)
    {
        if (Live(executorId) is { } exec)
        {
            exec.IsExcluded = excluded;
        }
    }

    public void OnNodeExcluded(string host, bool excluded)
    {
        // Spark (un)excludes every live executor of the node, by the host part of its address.
        foreach (LiveExecutor exec in _executors.Values)
        {
            if (exec.IsActive && HostOf(exec) == host)
            {
                exec.IsExcluded = excluded;
            }
        }
    }

    /// <summary>
    /// The driver's total duration as the History Server shows it: the application's (Spark's AppStatusStore
    /// substitutes it, since the driver runs no tasks); every other executor's own.
    /// </summary>
    public long TotalDurationOf(LiveExecutor exec) =>
        exec.Id == DriverId && Application is { Completed: true } app ? app.Duration : exec.TotalDuration;

    private LiveExecutor Executor(string id, long addTime)
    {
        id = Normalise(id);
        if (!_executors.TryGetValue(id, out LiveExecutor? exec))
        {
            exec = new LiveExecutor(id, addTime);
            _executors.Add(id, exec);
        }

        return exec;
    }

    private LiveExecutor? Live(string id) =>
        _executors.TryGetValue(Normalise(id), out LiveExecutor? exec) && exec.IsActive ? exec : null;

    private static string? HostOf(LiveExecutor exec) =>
        exec.Host ?? (exec.HostPort is { } hp && hp.LastIndexOf(':') is int colon and > 0 ? hp[..colon] : exec.HostPort);

    // Spark rewrote its own pre-1.4 test logs from "<driver>" to "driver" rather than mapping on read; real old logs need it.
    private static string Normalise(string executorId) => executorId == "<driver>" ? DriverId : executorId;
}
