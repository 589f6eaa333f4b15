using System;

namespace GeneratedBus.Testing;

/// <summary>
/// A snapshot check failed: the generated code differs from its verified files, or the input could not be compiled.
/// Every test framework reports it as a failed test, with its message.
/// </summary>
public sealed class GeneratedCodeSnapshotException : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    /// <param name="message">What failed, and how to fix or accept it.</param>
    public GeneratedCodeSnapshotException(string message)
        : base(message)
    {
    }
}
