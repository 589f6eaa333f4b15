using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Several producer processes, producer-0 to producer-(n-1), all killed on dispose if still running.</summary>
public sealed class HostProcesses(IReadOnlyList<HostProcess> processes) : IDisposable
{
    /// <summary>Starts <paramref name="count"/> producers of <paramref name="events"/> events each, with the same host options.</summary>
    public static HostProcesses Producers(RedisServer server, string stream, int count, long events, params string[] options) =>
        new(Enumerable.Range(0, count).Select(p => HostProcess.Producer(server, stream, $"producer-{p}", events, options)).ToArray());

    /// <summary>Waits for every process to exit 0 and returns their stats lines, in order.</summary>
    public StatsLine[] WaitForStats(TimeSpan deadline) => processes.Select(p => p.WaitForStats(deadline)).ToArray();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (HostProcess process in processes) process.Dispose();
    }
}
