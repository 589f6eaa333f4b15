using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using GeneratedBus;
using SparkScheduler.Events;

namespace SparkScheduler.Reporting;

/// <summary>
/// Samples the bus's stats on a thread of its own while the run goes on: the samples feed the report's charts, and
/// the latest one feeds the live progress line.
/// </summary>
internal sealed class RunMonitor : IDisposable
{
    private readonly SparkBus _bus;
    private readonly TimeSpan _interval;
    private readonly ProgressLine _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Sample> _samples = [];
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public RunMonitor(SparkBus bus, TimeSpan interval, ProgressLine progress)
    {
        _bus = bus;
        _interval = interval;
        _progress = progress;
        _thread = new Thread(Loop) { Name = "run-monitor", IsBackground = true };
    }

    /// <summary>Every sample taken, the first at start and the last at <see cref="Stop"/>. Read it after <see cref="Stop"/>.</summary>
    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Real time since the monitor was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Start()
    {
        _samples.Add(TakeSample());
        _thread.Start();
    }

    /// <summary>Stops sampling, takes a last sample, and ends the progress line.</summary>
    public void Stop()
    {
        if (_stop.IsSet)
        {
            return;
        }

        _stop.Set();
        _thread.Join();
        Sample last = TakeSample();
        _samples.Add(last);
        _progress.Finish(last);
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Loop()
    {
        while (!_stop.Wait(_interval))
        {
            Sample sample = TakeSample();
            _samples.Add(sample);
            _progress.Show(sample);
        }
    }

    private Sample TakeSample()
    {
        BusStats stats = _bus.GetStats();
        return new Sample(
            _clock.Elapsed.TotalMilliseconds,
            stats.EventsPosted,
            stats.Queues.ToDictionary(q => q.Key, q => new QueueSample(q.Value.Size, q.Value.Posted, q.Value.Dropped), StringComparer.Ordinal),
            stats.Listeners.ToDictionary(l => l.Key.Name, l => l.Value.TotalTime.TotalMilliseconds, StringComparer.Ordinal));
    }
}
