using System;
using System.Threading;

namespace GeneratedBus.Runtime.Crashers;

/// <summary>A scenario's checks; every wait has a deadline, so a hang fails the scenario instead of the parent's guard.</summary>
internal static class Check
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new ScenarioFailedException(what);
        }
    }

    public static void Until(Func<bool> condition, string what)
        => That(SpinWait.SpinUntil(condition, Timeout), $"{what} did not happen within {Timeout}.");

    /// <summary>Runs <paramref name="action"/> on a thread of its own; fails if it throws or does not finish in time.</summary>
    public static void Finishes(Action action, string what)
    {
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
        })
        { IsBackground = true };
        thread.Start();
        That(thread.Join(Timeout), $"{what} did not finish within {Timeout}.");
        That(thrown is null, $"{what} threw {thrown}");
    }
}

/// <summary>A check of a scenario failed.</summary>
internal sealed class ScenarioFailedException(string message) : Exception(message);
