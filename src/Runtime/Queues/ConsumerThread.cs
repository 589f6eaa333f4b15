using System.Threading;

namespace GeneratedBus;

/// <summary>
/// Marks a queue's dispatch thread with the bus that owns it, so the bus can refuse to wait for itself (Stop,
/// WaitUntilEmpty, joining a queue from one of its own listeners), and with the queue's stop token, which async
/// listeners receive (see <see cref="AsyncListenerAdapter"/>).
/// </summary>
internal static class ConsumerThread
{
    [System.ThreadStatic]
    private static object? t_owner;

    [System.ThreadStatic]
    private static CancellationToken t_stopToken;

    /// <summary>The bus whose queue this thread consumes for, or <see langword="null"/>.</summary>
    public static object? Owner
    {
        get => t_owner;
        set => t_owner = value;
    }

    /// <summary>
    /// The token of the queue this thread consumes for, cancelled when the bus gives up waiting for it;
    /// <see cref="CancellationToken.None"/> on any other thread. Set once per thread, so a call reads it for free
    /// instead of the queue handing it to every adapter.
    /// </summary>
    public static CancellationToken StopToken
    {
        get => t_stopToken;
        set => t_stopToken = value;
    }

    public static bool IsOwnedBy(object bus) => ReferenceEquals(t_owner, bus);
}
