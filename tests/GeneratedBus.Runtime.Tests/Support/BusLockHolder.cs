using System;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Holds a bus's lock on a thread of its own until released (at most 30 s), so a test can see what waits for that
/// lock and what does not.
/// </summary>
public sealed class BusLockHolder : IDisposable
{
    private readonly ManualResetEventSlim _entered = new(false);
    private readonly ManualResetEventSlim _release = new(false);
    private readonly Thread _thread;

    private BusLockHolder(TestBus bus)
    {
        _thread = new Thread(() =>
        {
            lock (bus.Gate)
            {
                _entered.Set();
                _release.Wait(TimeSpan.FromSeconds(30));
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Starts holding the lock of <paramref name="bus"/> and returns once it is held.</summary>
    public static BusLockHolder Hold(TestBus bus)
    {
        var holder = new BusLockHolder(bus);
        Assert.True(holder._entered.Wait(TimeSpan.FromSeconds(30)), "the bus lock was never taken");
        return holder;
    }

    /// <summary>Lets go of the lock and waits for the holding thread to end.</summary>
    public bool ReleaseAndJoin()
    {
        _release.Set();
        return _thread.Join(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _release.Set();
}
