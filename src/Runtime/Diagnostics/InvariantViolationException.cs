using System;

namespace GeneratedBus;

/// <summary>
/// Thrown by <see cref="Invariant"/> in Debug builds when a stated invariant of the runtime does not hold: a bug in
/// GeneratedBus, never a misuse by its caller. Release builds contain no check that could throw it.
/// </summary>
internal sealed class InvariantViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Names the invariant that failed.</param>
    public InvariantViolationException(string message)
        : base(message)
    {
    }
}
