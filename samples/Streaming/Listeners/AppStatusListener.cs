namespace SparkStreaming;

/// <summary>
/// A main-bus listener on <c>appStatus</c> beside the bridge, a small cousin of Spark's <c>AppStatusListener</c>: it
/// tracks the application and its Spark jobs. It never sees a streaming event; the wrappers fall to the no-op base.
/// </summary>
public sealed class AppStatusListener : SparkListener
{
    /// <summary>The application's name, once it started.</summary>
    public string? AppName { get; private set; }

    /// <summary>How long the application ran in milliseconds, once it ended.</summary>
    public long? Duration { get; private set; }

    /// <summary>Jobs started.</summary>
    public int JobsStarted { get; private set; }

    /// <summary>Jobs that ended successfully.</summary>
    public int JobsSucceeded { get; private set; }

    /// <summary>Jobs that ended in failure.</summary>
    public int JobsFailed { get; private set; }

    private long _startTime;

    /// <inheritdoc/>
    public override void OnApplicationStart(ApplicationStart e)
    {
        AppName = e.AppName;
        _startTime = e.Time;
    }

    /// <inheritdoc/>
    public override void OnApplicationEnd(ApplicationEnd e) => Duration = e.Time - _startTime;

    /// <inheritdoc/>
    public override void OnJobStart(JobStart e) => JobsStarted++;

    /// <inheritdoc/>
    public override void OnJobEnd(JobEnd e)
    {
        if (e.Succeeded)
        {
            JobsSucceeded++;
        }
        else
        {
            JobsFailed++;
        }
    }
}
