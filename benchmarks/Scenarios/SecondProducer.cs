using System;
using System.Threading;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>A long-lived thread that runs one action per round, so no round pays for creating a thread.</summary>
public sealed class SecondProducer : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _go = new(false);
    private readonly ManualResetEventSlim _done = new(false);
    private Action? _work;
    private bool _exit;

    public SecondProducer()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "bench-producer-2" };
        _thread.Start();
    }

    public void Begin(Action work)
    {
        _work = work;
        _done.Reset();
        _go.Set();
    }

    public void End() => _done.Wait();

    public void Dispose()
    {
        _exit = true;
        _go.Set();
        _thread.Join();
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            _go.Reset();
            if (_exit)
            {
                return;
            }

            _work!();
            _done.Set();
        }
    }
}
