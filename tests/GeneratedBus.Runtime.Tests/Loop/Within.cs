using System;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>Bounded waits: a broken loop fails the test instead of hanging it.</summary>
internal static class Within
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="action"/> on its own thread and rethrows what it threw; fails if it does not finish.</summary>
    public static void Run(Action action, string what)
    {
        Task task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Waits without Task.Wait, which would wrap a failure in an AggregateException.
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(Timeout), $"{what} did not finish within {Timeout}.");
        task.GetAwaiter().GetResult();
    }

    public static void Wait(ManualResetEventSlim signal, string what)
        => Assert.True(signal.Wait(Timeout), $"{what} did not happen within {Timeout}.");

    public static void Until(Func<bool> condition, string what)
        => Assert.True(SpinWait.SpinUntil(condition, Timeout), $"{what} did not happen within {Timeout}.");

    public static void Join(Thread? thread, string what)
    {
        Assert.NotNull(thread);
        Assert.True(thread.Join(Timeout), $"{what} did not end within {Timeout}.");
    }
}
