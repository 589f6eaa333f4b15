using System;

namespace GeneratedBus;

/// <summary>A bus that can say, as the process exits, how many accepted events it still holds.</summary>
internal interface IReportsLossAtExit
{
    /// <summary>Logs the events the bus holds, which end with the process; nothing when it holds none.</summary>
    void ReportLossAtExit();
}

/// <summary>
/// The process-exit hook: when <c>Main</c> returns (or <see cref="Environment.Exit(int)"/> is called) with a bus not
/// stopped, its dispatch threads, background threads, end with the process and what its queues still hold is lost.
/// <see cref="AppDomain.ProcessExit"/> runs before they end, so each live bus logs how many events that is.
/// </summary>
/// <remarks>
/// The live buses are the ones <see cref="BusMetrics"/> follows through weak references (registered when built,
/// unregistered by Dispose), so the hook keeps no bus alive. A process killed by a signal it does not handle, or by
/// an unhandled exception, runs no hook at all.
/// </remarks>
internal static class ProcessExitReport
{
    private static readonly object s_lock = new();
    private static bool s_hooked;

    /// <summary>Hooks <see cref="AppDomain.ProcessExit"/> once per process.</summary>
    public static void EnsureHooked()
    {
        lock (s_lock)
        {
            if (!s_hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += static (_, _) => ReportAll();
                s_hooked = true;
            }
        }
    }

    /// <summary>Every live bus reports what it still holds; a failure of one never stops the others.</summary>
    internal static void ReportAll()
    {
        foreach (IBusMetricsSource source in BusMetrics.LiveSources())
        {
            if (source is IReportsLossAtExit bus)
            {
                Log.Safely(bus.ReportLossAtExit);
            }
        }
    }
}
