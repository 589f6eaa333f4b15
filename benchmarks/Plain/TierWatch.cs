using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Reflection;

namespace GeneratedBus.Benchmarks.Plain;

/// <summary>
/// Listens to the runtime's own JIT events in process and remembers the code tier each method was last compiled at,
/// so a plain-loop measurement can show that the loop it timed ran as tier-1 code, not take it on trust.
/// </summary>
public sealed class TierWatch : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodLoadVerbose = 143;

    // MethodFlags bits 7-9 carry the tier (the runtime's JitOptimizationTier; 5, OSR, is a loop's replacement, not the method's entry).
    private static readonly string[] TierNames =
        ["unknown", "MinOpts", "Optimized", "Tier0", "Tier1", "OSR", "Tier0 instrumented", "Tier1 instrumented"];

    // Shared by every watch of the process: a method that an earlier measurement already took to tier 1 is not
    // compiled again, and a watch of its own would never learn its tier. (A static initializer also runs before the
    // base constructor, which may already deliver events.)
    private static readonly ConcurrentDictionary<string, string> s_tiers = new();

    /// <summary>The tier <paramref name="method"/> was last compiled at while a watch listened, or <c>not compiled</c>.</summary>
    public string TierOf(MethodInfo method) =>
        s_tiers.TryGetValue(method.DeclaringType!.FullName + "." + method.Name, out string? tier) ? tier : "not compiled";

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != MethodLoadVerbose || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        string? type = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string;
        string? name = eventData.Payload[eventData.PayloadNames.IndexOf("MethodName")] as string;
        uint flags = Convert.ToUInt32(eventData.Payload[eventData.PayloadNames.IndexOf("MethodFlags")], CultureInfo.InvariantCulture);
        int tier = (int)((flags >> 7) & 0x7);
        if (type is not null && name is not null && tier != 5)
        {
            s_tiers[type + "." + name] = TierNames[tier];
        }
    }
}
