using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Background threads whose failures are collected, not thrown: an assertion on a worker would end the test host or
/// go unseen. The test thread joins them with a generous bound and asserts there (a deadlock guard, not a speed
/// assertion: a hang fails the test instead of the run).
/// </summary>
public sealed class Workers
{
    /// <summary>How long a join waits before the test fails as hung.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(Stress.Long ? 600 : 120);

    private readonly Thread[] _threads;

    private Workers(int count, Action<int> body, string name)
    {
        _threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                body(i);
            }
            catch (Exception ex)
            {
                Failures.Enqueue(ex);
            }
        })
        { IsBackground = true, Name = $"{name}-{i}" }).ToArray();
    }

    public ConcurrentQueue<Exception> Failures { get; } = new();

    public bool IsAnyAlive => _threads.Any(t => t.IsAlive);

    /// <summary>Starts <paramref name="count"/> threads running <paramref name="body"/> with their index.</summary>
    public static Workers Start(int count, Action<int> body, string name)
    {
        var workers = new Workers(count, body, name);
        foreach (Thread thread in workers._threads)
        {
            thread.Start();
        }

        return workers;
    }

    /// <summary>Runs <paramref name="action"/> on a watched thread; fails if it hangs or throws.</summary>
    public static void Run(Action action, string what) => Start(1, _ => action(), what).Join(what);

    /// <summary>Runs <paramref name="action"/> on a watched thread; returns what it threw, fails if it hangs.</summary>
    public static Exception? Catch(Action action, string what)
    {
        Workers one = Start(1, _ => action(), what);
        one.JoinOnly(what);
        return one.Failures.TryDequeue(out Exception? ex) ? ex : null;
    }

    /// <summary>On the test thread: every worker ended within the bound, and none failed.</summary>
    public void Join(string what)
    {
        JoinOnly(what);
        Assert.True(Failures.IsEmpty, $"{what} failed: {string.Join(Environment.NewLine, Failures)}");
    }

    /// <summary>Whether the threads (all of them, in some wait) are blocked: for "has not returned yet" checks.</summary>
    public bool AllWaiting => _threads.All(t => (t.ThreadState & ThreadState.WaitSleepJoin) != 0);

    private void JoinOnly(string what)
    {
        DateTime deadline = DateTime.UtcNow + HangBound;
        foreach (Thread thread in _threads)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            Assert.True(thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero), $"{what}: {thread.Name} did not return within {HangBound} (deadlock?)");
        }
    }
}
