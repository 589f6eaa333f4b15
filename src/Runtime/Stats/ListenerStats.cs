using System;

namespace GeneratedBus;

/// <summary>The timer of one listener type.</summary>
/// <param name="ListenerType">The listener's runtime type.</param>
/// <param name="Events">Calls made to listeners of this type.</param>
/// <param name="Failures">Calls that threw.</param>
/// <param name="TotalTime">Time spent in those calls.</param>
/// <param name="MaxTime">The longest single call.</param>
public sealed record ListenerStats(Type ListenerType, long Events, long Failures, TimeSpan TotalTime, TimeSpan MaxTime);
