using System;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Runs shutdown steps that must finish even when the calling thread has an interrupt pending. An interrupt fires
/// only at a blocking wait (here: entering a contended lock), before that wait's work begins, and throwing consumes
/// it; so the step is simply run again, and the caller learns that an interrupt was absorbed.
/// </summary>
internal static class Uninterruptible
{
    /// <summary>Runs <paramref name="step"/> to completion; <paramref name="interrupted"/> says whether an interrupt was absorbed.</summary>
    /// <remarks>The step must be safe to start again after a throw from one of its waits.</remarks>
    public static T Run<T>(Func<T> step, out bool interrupted)
    {
        interrupted = false;
        while (true)
        {
            try
            {
                return step();
            }
            catch (ThreadInterruptedException)
            {
                interrupted = true;
            }
        }
    }

    /// <summary>Runs <paramref name="step"/> to completion; returns whether an interrupt was absorbed.</summary>
    /// <remarks>The step must be safe to start again after a throw from one of its waits.</remarks>
    public static bool Run(Action step)
    {
        Run(() =>
        {
            step();
            return 0;
        }, out bool interrupted);
        return interrupted;
    }
}
