using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// <c>replay</c> of Apache Spark's own test logs answers what Spark's History Server answers: its expected REST
/// responses (shared/spark-events/expectations, which nobody here wrote) are the oracle, compared as JSON values on
/// the fields issue 11 lists. Each expectation's README row names the log it comes from.
/// </summary>
public sealed class HistoryServerTests(ReplayedSparkLogs replayed) : IClassFixture<ReplayedSparkLogs>
{
    private static readonly string[] StageFields =
    [
        "status", "stageId", "attemptId", "numTasks", "numActiveTasks", "numCompleteTasks", "numFailedTasks", "numKilledTasks",
        "numCompletedIndices", "submissionTime", "firstTaskLaunchedTime", "completionTime", "executorRunTime", "executorCpuTime",
        "inputBytes", "inputRecords", "outputBytes", "outputRecords", "shuffleReadBytes", "shuffleReadRecords", "shuffleWriteBytes",
        "shuffleWriteRecords", "memoryBytesSpilled", "diskBytesSpilled", "name", "schedulingPool", "rddIds",
    ];

    private static readonly string[] ExecutorFields =
    [
        "id", "hostPort", "isActive", "totalCores", "maxTasks", "activeTasks", "failedTasks", "completedTasks", "totalTasks",
        "totalDuration", "totalInputBytes", "totalShuffleRead", "totalShuffleWrite", "maxMemory", "addTime", "isExcluded",
    ];

    [SparkEventsFact]
    public void Every_shared_log_replays_and_only_the_SQL_events_are_unrecognised()
    {
        Assert.True(replayed.Run.ExitCode == 0, replayed.Run.Stderr);
        string[] unrecognised = replayed.Run.Stdout.Split('\n').Where(l => l.StartsWith("  unrecognised ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                "  unrecognised org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates: 2",
                "  unrecognised org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd: 1",
                "  unrecognised org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart: 1",
            ],
            unrecognised.Select(l => l.TrimEnd('\r')));
        Assert.Contains("local-1422981780767: 82 lines, 82 events, 0 unrecognised", replayed.Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("app-20200706201101-0003: 124 lines, 120 events, 4 unrecognised", replayed.Run.Stdout, StringComparison.Ordinal);
    }

    [SparkEventsTheory]
    [InlineData("job_list_json_expectation.json", "local-1422981780767/jobs.json", null)]
    [InlineData("succeeded_job_list_json_expectation.json", "local-1422981780767/jobs.json", "SUCCEEDED")]
    [InlineData("succeeded_failed_job_list_json_expectation.json", "local-1422981780767/jobs.json", "SUCCEEDED,FAILED")]
    [InlineData("job_list_from_multi_attempt_app_json_1__expectation.json", "local-1426533911241/1/jobs.json", null)]
    [InlineData("job_list_from_multi_attempt_app_json_2__expectation.json", "local-1426533911241/2/jobs.json", null)]
    public void Jobs_equal_the_History_Servers_in_every_field(string expectation, string jobs, string? statuses)
    {
        JsonArray actual = Filter(ReadArray(replayed.File("applications/" + jobs)), "status", statuses);

        AssertSame(ReadArray(SparkEventsFolder.Expectation(expectation)), actual, fields: null);
    }

    [SparkEventsFact]
    public void One_job_equals_the_History_Servers_in_every_field()
    {
        JsonNode job = ReadArray(replayed.File("applications/local-1422981780767/jobs.json")).Single(j => (int)j!["jobId"]! == 0)!;

        AssertSame(Read(SparkEventsFolder.Expectation("one_job_json_expectation.json")), job, fields: null);
    }

    [SparkEventsTheory]
    [InlineData("stage_list_json_expectation.json", "local-1422981780767", null)]
    [InlineData("complete_stage_list_json_expectation.json", "local-1422981780767", "COMPLETE")]
    [InlineData("failed_stage_list_json_expectation.json", "local-1422981780767", "FAILED")]
    [InlineData("stage_list_with_accumulable_json_expectation.json", "local-1426533911241/1", null)]
    [InlineData("stage_list_with_peak_metrics_expectation.json", "app-20200706201101-0003", null)]
    public void Stage_lists_equal_the_History_Servers_in_the_listed_fields(string expectation, string app, string? statuses)
    {
        JsonArray actual = Filter(ReadArray(replayed.File($"applications/{app}/stages.json")), "status", statuses);

        AssertSame(ReadArray(SparkEventsFolder.Expectation(expectation)), actual, StageFields);
    }

    [SparkEventsTheory]
    [InlineData("one_stage_json_expectation.json", "local-1422981780767", 1, null)]
    [InlineData("one_stage_json_with_details_expectation.json", "local-1422981780767", 1, null)]
    [InlineData("one_stage_attempt_json_expectation.json", "local-1422981780767", 1, 0)]
    [InlineData("one_stage_attempt_json_details_with_failed_task_expectation.json", "local-1422981780767", 1, 0)]
    [InlineData("stage_with_accumulable_json_expectation.json", "local-1426533911241/1", 0, 0)]
    [InlineData("stage_with_speculation_summary_expectation.json", "application_1628109047826_1317105", 0, 0)]
    [InlineData("stage_with_peak_metrics_expectation.json", "app-20200706201101-0003", 2, 0)]
    [InlineData("stage_with_summaries_expectation.json", "app-20200706201101-0003", 2, 0)]
    public void One_stage_equals_the_History_Servers_in_the_listed_fields(string expectation, string app, int stageId, int? attemptId)
    {
        JsonNode?[] attempts = ReadArray(replayed.File($"applications/{app}/stages.json"))
            .Where(s => (int)s!["stageId"]! == stageId)
            .OrderBy(s => (int)s!["attemptId"]!)
            .ToArray();

        // /stages/<id> lists every attempt of the stage; /stages/<id>/<attempt> is one object.
        JsonNode actual = attemptId is { } a ? attempts.Single(s => (int)s!["attemptId"]! == a)! : new JsonArray(attempts.Select(s => s!.DeepClone()).ToArray());
        AssertSame(Read(SparkEventsFolder.Expectation(expectation)), actual, StageFields);
    }

    [SparkEventsTheory]
    [InlineData("executor_list_json_expectation.json", "local-1422981780767")]
    [InlineData("executor_list_with_executor_metrics_json_expectation.json", "application_1553914137147_0018")]
    [InlineData("executor_node_excludeOnFailure_unexcluding_expectation.json", "app-20161115172038-0000")]
    public void Executors_equal_the_History_Servers_in_the_listed_fields(string expectation, string app)
    {
        AssertSame(ReadArray(SparkEventsFolder.Expectation(expectation)), ReadArray(replayed.File($"applications/{app}/executors.json")), ExecutorFields);
    }

    [SparkEventsFact]
    public void The_application_list_equals_the_History_Servers_for_the_applications_whose_logs_are_here()
    {
        JsonArray actual = ReadArray(replayed.File("applications.json"));
        var ids = actual.Select(a => (string)a!["id"]!).ToHashSet(StringComparer.Ordinal);

        // Spark's list covers 16 applications; 9 of their logs are shared. The rest are left out, order kept.
        JsonArray expected = new(ReadArray(SparkEventsFolder.Expectation("application_list_json_expectation.json"))
            .Where(a => ids.Contains((string)a!["id"]!)).Select(a => a!.DeepClone()).ToArray());
        Assert.Equal(9, expected.Count);
        AssertSame(WithoutLastUpdated(expected), actual, fields: null);
    }

    [SparkEventsTheory]
    [InlineData("one_app_json_expectation.json", "local-1422981780767")]
    [InlineData("one_app_multi_attempt_json_expectation.json", "local-1426533911241")]
    public void One_application_equals_the_History_Servers(string expectation, string id)
    {
        JsonNode actual = ReadArray(replayed.File("applications.json")).Single(a => (string)a!["id"]! == id)!;

        AssertSame(WithoutLastUpdated(Read(SparkEventsFolder.Expectation(expectation))), actual, fields: null);
    }

    [SparkEventsFact]
    public void Each_attempt_of_a_multi_attempt_application_gets_its_own_folder()
    {
        foreach (string attempt in new[] { "1", "2" })
        {
            foreach (string file in new[] { "jobs.json", "stages.json", "executors.json" })
            {
                Assert.True(File.Exists(replayed.File($"applications/local-1426533911241/{attempt}/{file}")), $"{attempt}/{file}");
            }
        }

        Assert.False(File.Exists(replayed.File("applications/local-1426533911241/jobs.json")));
    }

    // Compares as JSON values; with fields, only those (of every object, recursively through arrays) on both sides.
    private static void AssertSame(JsonNode expected, JsonNode actual, string[]? fields)
    {
        using JsonDocument e = JsonDocument.Parse(Project(expected, fields).ToJsonString());
        using JsonDocument a = JsonDocument.Parse(Project(actual, fields).ToJsonString());
        List<string> differences = JsonValues.Differences(e.RootElement, a.RootElement);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
    }

    private static JsonNode Project(JsonNode node, string[]? fields) => node switch
    {
        JsonArray array => new JsonArray(array.Select(n => (JsonNode?)Project(n!, fields)).ToArray()),
        JsonObject obj when fields is not null => new JsonObject(fields.Where(obj.ContainsKey).Select(f => KeyValuePair.Create(f, obj[f]?.DeepClone()))),
        _ => node.DeepClone(),
    };

    // lastUpdated is when the History Server read the file: not the log's, and not compared.
    private static JsonNode WithoutLastUpdated(JsonNode node)
    {
        JsonNode copy = node.DeepClone();
        foreach (JsonObject app in copy is JsonArray list ? list.Select(a => (JsonObject)a!) : [(JsonObject)copy])
        {
            foreach (JsonObject attempt in ((JsonArray)app["attempts"]!).Select(a => (JsonObject)a!))
            {
                attempt.Remove("lastUpdated");
                attempt.Remove("lastUpdatedEpoch");
            }
        }

        return copy;
    }

    private static JsonArray Filter(JsonArray list, string field, string? values)
    {
        if (values is null)
        {
            return list;
        }

        string[] wanted = values.Split(',');
        return new JsonArray(list.Where(n => wanted.Contains((string)n![field]!)).Select(n => n!.DeepClone()).ToArray());
    }

    private static JsonNode Read(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static JsonArray ReadArray(string path) => (JsonArray)Read(path);
}
