using System;
using System.IO;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// Where Apache Spark's event logs and History Server expectations are: the folder named by
/// <c>GENERATEDBUS_SPARK_EVENTS</c>, else <c>&lt;repository root&gt;/../shared/spark-events</c>. The project never
/// commits copies of them (they are Spark's files).
/// </summary>
internal static class SparkEventsFolder
{
    public const string Variable = "GENERATEDBUS_SPARK_EVENTS";

    /// <summary>The folder, or null when it is not there.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Why the tests that need it skip (or, under CI=true, fail).</summary>
    public static string MissingMessage =>
        $"Spark's event logs are not here: set {Variable} to the spark-events folder, or put it at <repository root>/../shared/spark-events (looked in '{Candidate() ?? "(no repository root found)"}').";

    /// <summary>Why a test that needs the folder skips: null when it is here, or under <c>CI=true</c> (where the test runs, and fails).</summary>
    public static string? SkipReason =>
        Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? MissingMessage : null;

    public static string Log(string name) => System.IO.Path.Combine(Require(), "logs", name);

    public static string Expectation(string name) => System.IO.Path.Combine(Require(), "expectations", name);

    /// <summary>The folder; under CI a missing folder fails here, with the same message a skip gives elsewhere.</summary>
    public static string Require() => Path ?? throw new InvalidOperationException(MissingMessage);

    private static string? Find()
    {
        string? folder = Candidate();
        return folder is not null && Directory.Exists(System.IO.Path.Combine(folder, "logs")) ? folder : null;
    }

    private static string? Candidate()
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(named))
        {
            return System.IO.Path.GetFullPath(named);
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GeneratedBus.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "spark-events"));
            }
        }

        return null;
    }
}
