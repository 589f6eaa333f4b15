using GeneratedBus;

namespace SparkScheduler.Reporting;

/// <summary>Per-event time of a listener type, the same in the table and the report.</summary>
internal static class ListenerTiming
{
    /// <summary>Mean microseconds per event; 0 for a listener that saw none.</summary>
    public static double MeanMicroseconds(ListenerStats l) => l.Events == 0 ? 0 : l.TotalTime.TotalMicroseconds / l.Events;
}
