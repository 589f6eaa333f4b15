using System;
using System.IO;
using System.Linq;
using System.Text;
using GeneratedBus.Samples.Tests.Support;

namespace GeneratedBus.Samples.Tests;

/// <summary>
/// <c>replay &lt;log&gt;... --rest-out &lt;dir&gt;</c> end to end: exit 0 when every log replayed, 1 with the log's path,
/// line and reason when one is malformed or over a limit, 2 on bad arguments; and what it does with hostile logs.
/// </summary>
public sealed class ReplayCommandTests : IDisposable
{
    private const string Start = """{"Event":"SparkListenerApplicationStart","App Name":"tiny","App ID":"app-1","Timestamp":1000,"User":"u"}""";
    private const string End = """{"Event":"SparkListenerApplicationEnd","Timestamp":3000}""";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SparkEventsFact]
    public void A_real_log_replays_as_a_process_with_exit_0_and_a_summary()
    {
        SampleRun run = ChildProcess.SparkScheduler(_dir.Path, "replay", SparkEventsFolder.Log("local-1422981780767"), "--rest-out", _dir.File("rest"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("local-1422981780767: 82 lines, 82 events, 0 unrecognised", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("application local-1422981780767: \"Spark shell\" by irashid, 3 jobs, 4 stages, 1 active executors", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("rest/applications/local-1422981780767/jobs.json")));
    }

    [SparkEventsFact]
    public void A_malformed_line_in_the_middle_fails_as_a_process_with_exit_1_naming_path_line_and_reason()
    {
        string[] lines = File.ReadAllLines(SparkEventsFolder.Log("local-1422981780767"));
        lines[39] = lines[39][..(lines[39].Length / 2)];
        string log = _dir.File("broken-log");
        File.WriteAllLines(log, lines);

        SampleRun run = ChildProcess.SparkScheduler(_dir.Path, "replay", log, "--rest-out", _dir.File("rest"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {log}: line 40: ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("rest/applications.json")), "nothing is written when a log fails");
    }

    [SparkEventsFact]
    public void A_line_over_the_limit_fails_with_its_number()
    {
        string log = SparkEventsFolder.Log("local-1422981780767");
        int first = Array.FindIndex(File.ReadAllLines(log), l => Encoding.UTF8.GetByteCount(l) > 2_000) + 1;

        SampleRun run = SampleRun.InProcess("replay", log, "--rest-out", _dir.File("rest"), "--max-line-bytes", "2000");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {log}: line {first}: the line is longer than MaxLineBytes (2000 bytes).", run.Stderr.TrimEnd());
    }

    [SparkEventsFact]
    public void Logs_without_a_final_line_break_replay_every_line()
    {
        SampleRun run = SampleRun.InProcess(
            "replay", SparkEventsFolder.Log("local-1430917381535_1"), SparkEventsFolder.Log("local-1430917381535_2"), "--rest-out", _dir.File("rest"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("local-1430917381535_1: 5 lines, 5 events, 0 unrecognised", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("local-1430917381535_2: 5 lines, 5 events, 0 unrecognised", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("rest/applications/local-1430917381535/2/executors.json")));
    }

    [SparkEventsFact]
    public void A_rolled_eventlog_v2_directory_replays_as_one_log()
    {
        // Spark 3's rolling layout: eventlog_v2_<appId>/events_<n>_<appId> parts and an appstatus_<appId> marker.
        string[] lines = File.ReadAllLines(SparkEventsFolder.Log("local-1422981780767"));
        string folder = _dir.File("eventlog_v2_local-1422981780767");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "events_1_local-1422981780767"), lines[..40]);
        File.WriteAllLines(Path.Combine(folder, "events_2_local-1422981780767"), lines[40..]);
        File.WriteAllText(Path.Combine(folder, "appstatus_local-1422981780767"), "");

        SampleRun run = SampleRun.InProcess("replay", folder, "--rest-out", _dir.File("rest"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"{folder}: 82 lines, 82 events, 0 unrecognised", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 jobs, 4 stages, 1 active executors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_names_of_dotnet_or_java_types_are_counted_as_unrecognised_and_nothing_else_happens()
    {
        string log = Write("hostile", Start,
            """{"Event":"java.lang.ProcessBuilder","command":["sh","-c","touch pwned"]}""",
            """{"Event":"System.Diagnostics.Process","StartInfo":{"FileName":"sh"}}""",
            """{"Event":"java.lang.ProcessBuilder"}""",
            End);

        SampleRun run = SampleRun.InProcess("replay", log, "--rest-out", _dir.File("rest"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"{log}: 5 lines, 2 events, 3 unrecognised", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  unrecognised System.Diagnostics.Process: 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  unrecognised java.lang.ProcessBuilder: 2", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("pwned")));
    }

    [Fact]
    public void A_cut_off_last_line_is_left_out_of_an_in_progress_log_and_fails_any_other()
    {
        string[] lines = [Start, """{"Event":"SparkListenerJobStart","Job ID":0,"Stage Infos":[]}""", """{"Event":"SparkListenerJobEnd","Job I"""];
        string inProgress = Write("app-1.inprogress", lines);
        string finished = Write("app-1", lines);

        SampleRun tolerated = SampleRun.InProcess("replay", inProgress, "--rest-out", _dir.File("rest"));
        SampleRun failed = SampleRun.InProcess("replay", finished, "--rest-out", _dir.File("rest2"));

        Assert.True(tolerated.ExitCode == 0, tolerated.Stderr);
        Assert.Contains("the last line was cut off (the log is in progress) and is left out", tolerated.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith($"error: {finished}: line 3: ", failed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_id_that_would_climb_out_of_the_output_folder_fails()
    {
        string log = Write("climb", Start.Replace("app-1", "../../outside", StringComparison.Ordinal), End);

        SampleRun run = SampleRun.InProcess("replay", log, "--rest-out", _dir.File("rest"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the application id '../../outside' cannot name a folder", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "outside")));
    }

    [Fact]
    public void Text_from_a_log_is_printed_as_text_and_its_control_characters_are_shown_not_obeyed()
    {
        string log = Write("xss", Start.Replace("\"tiny\"", "\"<script>alert(1)</script>\\u001b[2J\"", StringComparison.Ordinal), End);

        SampleRun run = SampleRun.InProcess("replay", log, "--rest-out", _dir.File("rest"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("\"<script>alert(1)</script>\\u001B[2J\"", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
        string json = File.ReadAllText(_dir.File("rest/applications.json"));
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_logs_of_the_same_attempt_fail_rather_than_overwrite_each_other()
    {
        string first = Write("first", Start, End);
        string second = Write("second", Start, End);

        SampleRun run = SampleRun.InProcess("replay", first, second, "--rest-out", _dir.File("rest"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"application app-1 with no attempt id is also in {first}", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay needs at least one event log.")]
    [InlineData("replay needs --rest-out <dir>.", "LOG")]
    [InlineData("Unknown option '--rest'.", "LOG", "--rest", "x")]
    [InlineData("--rest-out needs a value.", "LOG", "--rest-out")]
    [InlineData("--max-line-bytes needs a whole number of at least 1, not '0'.", "LOG", "--rest-out", "x", "--max-line-bytes", "0")]
    [InlineData("No such event log: 'no-such-log'.", "no-such-log", "--rest-out", "x")]
    public void Bad_arguments_exit_2_with_the_reason_and_the_usage(string reason, params string[] args)
    {
        string log = Write("ok", Start, End);

        SampleRun run = SampleRun.InProcess(["replay", .. args.Select(a => a == "LOG" ? log : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + reason, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: SparkScheduler replay <log>... --rest-out <dir>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_exit_2_as_a_process_too()
    {
        SampleRun run = ChildProcess.SparkScheduler(_dir.Path, "replay");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: replay needs at least one event log.", run.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        string path = _dir.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
