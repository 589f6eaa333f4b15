using System;

namespace GeneratedBus.Hosting;

/// <summary>One <c>AddListener</c> or <c>AddNamedListener</c> call: which type goes on which queue, and how it is resolved.</summary>
/// <param name="ListenerType">The listener type, for messages.</param>
/// <param name="Queue">The queue it goes on.</param>
/// <param name="Name">The name configuration switches it on by; <see langword="null"/> for a listener that is always on.</param>
/// <param name="Scoped">Whether it is resolved per event in a scope of its own.</param>
/// <param name="Resolve">Gives the listener to put on the queue (the singleton, or the stand-in of a scoped one).</param>
internal sealed record ListenerRegistration<TListener>(
    Type ListenerType,
    string Queue,
    string? Name,
    bool Scoped,
    Func<IServiceProvider, TListener> Resolve)
    where TListener : class;
