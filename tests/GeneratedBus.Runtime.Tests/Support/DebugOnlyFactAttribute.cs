namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// A fact that runs only when the runtime assembly was built with <c>DEBUG</c>, where <see cref="Invariant"/> checks
/// execute; in Release it is reported as skipped, so the count of checks not run stays visible. Tests about the checks
/// also carry the trait <c>Category</c> = <see cref="Category"/>, which CI runs in its Debug pass with the stress tests.
/// </summary>
public sealed class DebugOnlyFactAttribute : FactAttribute
{
    /// <summary>The <c>Category</c> trait of the tests about invariant checks.</summary>
    public const string Category = "Invariants";

    public DebugOnlyFactAttribute()
    {
        if (!Invariant.Enabled)
        {
            Skip = "Invariant checks are compiled out of Release builds; run with -c Debug.";
        }
    }
}
