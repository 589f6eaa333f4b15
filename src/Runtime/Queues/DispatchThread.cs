using System;

namespace GeneratedBus;

/// <summary>Marks a dispatch thread with the bus that owns it, so the bus can refuse to join itself.</summary>
internal static class DispatchThread
{
    [ThreadStatic]
    private static object? t_owner;

    /// <summary>The bus whose queue this thread dispatches for, or <see langword="null"/>.</summary>
    public static object? Owner
    {
        get => t_owner;
        set => t_owner = value;
    }

    public static bool IsOwnedBy(object bus) => ReferenceEquals(t_owner, bus);
}
