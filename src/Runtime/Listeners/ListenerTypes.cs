using System;

namespace GeneratedBus;

/// <summary>The type a listener is known by in timers, metrics and logs: an async listener's own, not its adapter's.</summary>
internal static class ListenerTypes
{
    /// <summary>The type of <paramref name="listener"/>, or of the async listener it adapts.</summary>
    public static Type Of(object listener) =>
        listener is AsyncListenerAdapter adapter ? adapter.Listener.GetType() : listener.GetType();
}
