namespace SparkScheduler.Listeners.AppStatus;

/// <summary>One attempt of an application as the History Server lists it (v1 <c>ApplicationAttemptInfo</c>, plus the app's id and name).</summary>
/// <param name="AppId">The application id.</param>
/// <param name="Name">The application name, as the log gave it (untrusted text: escape it wherever it is shown).</param>
/// <param name="AttemptId">The attempt id, or null when the cluster manager gave none.</param>
/// <param name="StartTime">Epoch milliseconds.</param>
/// <param name="EndTime">Epoch milliseconds, or -1 while it runs (or when its log ends early).</param>
/// <param name="SparkUser">Who ran it.</param>
/// <param name="SparkVersion">The Spark version of its log, "" when the log does not say.</param>
internal sealed record ApplicationAttempt(
    string AppId, string Name, string? AttemptId, long StartTime, long EndTime, string SparkUser, string SparkVersion)
{
    /// <summary>Whether the log saw the application end.</summary>
    public bool Completed => EndTime >= 0;

    /// <summary>Milliseconds it ran, 0 while it runs.</summary>
    public long Duration => Completed ? EndTime - StartTime : 0;
}
