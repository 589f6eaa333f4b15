namespace GeneratedBus;

/// <summary>
/// Marks a queue's dispatch thread with the bus that owns it, so the bus can refuse to wait for itself (Stop,
/// WaitUntilEmpty, joining a queue from one of its own listeners).
/// </summary>
internal static class ConsumerThread
{
    [System.ThreadStatic]
    private static object? t_owner;

    /// <summary>The bus whose queue this thread consumes for, or <see langword="null"/>.</summary>
    public static object? Owner
    {
        get => t_owner;
        set => t_owner = value;
    }

    public static bool IsOwnedBy(object bus) => ReferenceEquals(t_owner, bus);
}
