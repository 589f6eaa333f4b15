namespace GeneratedBus.Generators.Model;

/// <summary>
/// How generated code finds the kind of an event: a chain of type tests on a small bus, a hash of type handles on a
/// larger one. The dispatcher and the codec's writer follow the same rule, so a bus's code has one strategy.
/// </summary>
internal static class KindLookup
{
    // Up to this many events, a chain of type tests beats hashing the type, which costs a call to object.GetType():
    // measured over a shuffled mix of all kinds to ten listeners of ten classes, the chain ran at 0.84-0.92x a
    // hand-written switch up to 24 events (it tests for null once, the hand-written one at every case), the lookup at
    // 0.90-1.14x from 20 to 24 and below the chain only from about 28. Beyond this the chain grows with every event,
    // and the last declared one costs most, while the lookup stays flat.
    private const int TypeSwitchLimit = 24;

    /// <summary>Whether a bus of <paramref name="eventCount"/> events finds kinds by type tests rather than a hash.</summary>
    public static bool UsesTypeSwitch(int eventCount) => eventCount <= TypeSwitchLimit;
}
