using System.Diagnostics;
using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Checks of the runtime's own invariants, compiled into Debug builds only: a violation is a bug in the bus, never
/// the caller's fault, so Release builds pay nothing for them.
/// </summary>
internal static class Invariant
{
    /// <summary>Throws <see cref="InvariantViolationException"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must be true here.</param>
    /// <param name="what">The invariant, in words, for the exception message.</param>
    [Conditional("DEBUG")]
    public static void Holds(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvariantViolationException(what);
        }
    }

    /// <summary>Throws <see cref="InvariantViolationException"/> unless the calling thread holds <paramref name="gate"/>.</summary>
    /// <param name="gate">The lock that must be held.</param>
    /// <param name="what">What the lock guards here, for the exception message.</param>
    [Conditional("DEBUG")]
    public static void LockHeld(object gate, string what)
    {
        if (!Monitor.IsEntered(gate))
        {
            throw new InvariantViolationException(what);
        }
    }
}
