namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Tests that listen to the process-wide "GeneratedBus" meter, and tests that count clock readings: while anyone
/// listens to <c>listener.duration</c>, every event is timed, so the two kinds must not run at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalMeterCollection
{
    public const string Name = "Global meter";
}
