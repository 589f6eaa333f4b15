namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// A fact that runs only when the runtime assembly was built with <c>DEBUG</c>, where <see cref="Invariant"/> checks
/// execute; in Release it is reported as skipped, so the count of checks not run stays visible.
/// </summary>
public sealed class DebugOnlyFactAttribute : FactAttribute
{
    public DebugOnlyFactAttribute()
    {
        if (!Invariant.Enabled)
        {
            Skip = "Invariant checks are compiled out of Release builds; run with -c Debug.";
        }
    }
}
