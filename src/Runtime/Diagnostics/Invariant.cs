using System;
using System.Diagnostics;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Executable forms of the invariants the runtime states in its comments, checked only in Debug builds: every method
/// is <c>[Conditional("DEBUG")]</c>, so in Release the compiler removes each call together with the evaluation of
/// its arguments, and hot paths are unchanged.
/// </summary>
/// <remarks>
/// A violation throws <see cref="InvariantViolationException"/> naming the invariant instead of calling
/// <see cref="Debug.Assert(bool, string)"/>: a failed assert calls <see cref="Environment.FailFast(string)"/>, which
/// kills the test host and with it every other test's result. A throw fails only the test whose thread hit it. On a
/// thread the runtime owns (a dispatch thread, a loop thread) it is unhandled and still ends the process, as an
/// assert would, but with the invariant's name in the output.
/// </remarks>
internal static class Invariant
{
    /// <summary>Whether the checks execute: true exactly when this assembly was compiled with <c>DEBUG</c>.</summary>
    public static bool Enabled
    {
        get
        {
            // Decided by the same [Conditional] that removes the checks, so it cannot disagree with them.
            bool enabled = false;
            MarkEnabled(ref enabled);
            return enabled;
        }
    }

    /// <summary>Throws if <paramref name="condition"/> is false.</summary>
    /// <param name="condition">The invariant, evaluated only in Debug builds.</param>
    /// <param name="what">The invariant in words, as the comment that states it says it.</param>
    [Conditional("DEBUG")]
    public static void Holds(bool condition, string what)
    {
        if (!condition)
        {
            throw Violated(what);
        }
    }

    /// <summary>Throws unless the calling thread holds <paramref name="gate"/> (<see cref="Monitor.IsEntered"/>).</summary>
    /// <param name="gate">The object locked with <c>lock</c> or <see cref="Monitor.Enter(object)"/>.</param>
    /// <param name="what">What the lock guards, as the comment that states it says it.</param>
    [Conditional("DEBUG")]
    public static void LockHeld(object gate, string what)
    {
        if (!Monitor.IsEntered(gate))
        {
            throw Violated($"{what} (thread {Environment.CurrentManagedThreadId} does not hold the lock)");
        }
    }

    /// <summary>
    /// Throws unless every call with the same <paramref name="ownerThreadId"/> comes from one thread: the first call
    /// records its managed thread id there (0 means no owner yet), later calls must come from that thread.
    /// </summary>
    /// <param name="ownerThreadId">The owner's managed thread id; a field that only these checks touch, starting at 0.</param>
    /// <param name="what">The single-thread rule, as the comment that states it says it.</param>
    [Conditional("DEBUG")]
    public static void SingleThread(ref int ownerThreadId, string what)
    {
        int current = Environment.CurrentManagedThreadId;
        int owner = Interlocked.CompareExchange(ref ownerThreadId, current, 0);
        if (owner != 0 && owner != current)
        {
            throw Violated($"{what} (owned by thread {owner}, called from thread {current})");
        }
    }

    [Conditional("DEBUG")]
    private static void MarkEnabled(ref bool enabled) => enabled = true;

    private static InvariantViolationException Violated(string what) => new($"Invariant violated: {what}");
}
