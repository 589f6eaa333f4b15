using System.Linq;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>The simulation is seeded: the same seed gives the same application, whatever the threads did.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_app_status_liveness_and_event_counts()
    {
        using var dir = new TempDirectory();
        RunTable first = SampleRun.Small(dir.Path, "--seed", "7").Table;
        RunTable second = SampleRun.Small(dir.Path, "--seed", "7").Table;

        Assert.Equal(first.Section("App status"), second.Section("App status"));
        Assert.Equal(first.Section("Executor liveness"), second.Section("Executor liveness"));

        // Everything but what the slow listener got through, which depends on timing by design.
        Assert.Equal(EventCounts(first), EventCounts(second));
    }

    private static string[] EventCounts(RunTable table) =>
        table.Section("Events by type").Where(l => !l.StartsWith("eventLog.written", System.StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Another_seed_gives_another_application()
    {
        using var dir = new TempDirectory();
        RunTable first = SampleRun.Small(dir.Path, "--seed", "7").Table;
        RunTable other = SampleRun.Small(dir.Path, "--seed", "8").Table;

        Assert.NotEqual(first.Section("App status"), other.Section("App status"));
    }

    [Fact]
    public void The_app_status_summary_agrees_with_the_workload()
    {
        using var dir = new TempDirectory();
        RunTable table = SampleRun.Small(dir.Path, "--task-failure-rate", "0").Table;

        // 3 jobs x 2 stages x 400 tasks, no failures: everything succeeds, each index exactly once.
        Assert.Equal(3, table.Value("App status", "jobs.succeeded"));
        Assert.Equal(0, table.Value("App status", "jobs.failed"));
        Assert.Equal(6, table.Value("App status", "stages.completed"));
        Assert.Equal(3 * 2 * 400, table.Value("App status", "tasks.succeeded"));
        Assert.Equal(0, table.Value("App status", "tasks.failed"));
        long started = table.Value("App status", "tasks.started");
        long ended = table.Value("App status", "tasks.succeeded") + table.Value("App status", "tasks.failed")
            + table.Value("App status", "tasks.lost_with_executor") + table.Value("App status", "tasks.killed");
        Assert.Equal(started, ended);
        Assert.Equal(table.Value("Events by type", "TaskStart"), started);
    }
}
