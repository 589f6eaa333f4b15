using System;

namespace GeneratedBus.Hosting;

/// <summary>
/// One <c>AddListener</c>, <c>AddNamedListener</c> or <c>AddAsyncListener</c> call: which type goes on which queue,
/// and how it gets there.
/// </summary>
/// <param name="ListenerType">The listener type, for messages.</param>
/// <param name="Queue">The queue it goes on.</param>
/// <param name="Name">The name configuration switches it on by; <see langword="null"/> for a listener that is always on.</param>
/// <param name="Scoped">Whether it is resolved per event in a scope of its own.</param>
/// <param name="AddTo">
/// Resolves the listener (the singleton, or the stand-in of a scoped one) and adds it to <see cref="Queue"/> of the
/// bus: through the sync or the async overload of <c>AddToQueue</c>.
/// </param>
/// <param name="Last">Whether it goes after every listener without it on its queue, whatever the registration order.</param>
internal sealed record ListenerRegistration<TBus>(
    Type ListenerType,
    string Queue,
    string? Name,
    bool Scoped,
    Action<TBus, IServiceProvider> AddTo,
    bool Last = false)
    where TBus : class;
