using System;

namespace GeneratedBus;

/// <summary>A runtime invariant did not hold (see <see cref="Invariant"/>): a bug in the bus.</summary>
internal sealed class InvariantViolationException : Exception
{
    public InvariantViolationException(string message)
        : base(message)
    {
    }
}
