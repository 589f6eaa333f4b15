using System;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>
/// A loop with one event posted whose <c>Start</c> runs on a thread of its own and is held inside <c>OnStart</c> until
/// <see cref="Finish"/>: for a Stop that must wait for a running OnStart. The journal then reads "start", "start returns".
/// </summary>
internal sealed class StartInProgress : IDisposable
{
    private readonly ManualResetEventSlim _inOnStart = new();
    private readonly ManualResetEventSlim _release = new();
    private readonly Thread _starter;

    public StartInProgress()
    {
        Loop = new RecordingLoop<int>
        {
            StartHook = l =>
            {
                _inOnStart.Set();
                Within.Wait(_release, "the test releasing OnStart");
                l.Journal.Enqueue("start returns");
            },
        };
        Loop.Post(1);
        _starter = new Thread(Loop.Start);
        _starter.Start();
        Within.Wait(_inOnStart, "OnStart");
    }

    public RecordingLoop<int> Loop { get; }

    /// <summary>Lets OnStart return and waits for Start to end.</summary>
    public void Finish()
    {
        _release.Set();
        Within.Join(_starter, "Start");
    }

    public void Dispose()
    {
        _inOnStart.Dispose();
        _release.Dispose();
    }
}
