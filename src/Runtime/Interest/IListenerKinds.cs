using System;

namespace GeneratedBus;

/// <summary>
/// What a generated dispatcher knows of the listener types declared beside it: the kinds each one handles, from the
/// handlers it overrides. The bus asks once per <c>AddToQueue</c>, by exact type; no reflection is involved.
/// </summary>
public interface IListenerKinds
{
    /// <summary>The kinds listeners of exactly <paramref name="listenerType"/> handle.</summary>
    /// <param name="listenerType">The listener's runtime type.</param>
    /// <returns>The kinds, or <see langword="null"/> when the type is unknown: it then gets every event.</returns>
    EventKindSet? KindsHandledBy(Type listenerType);
}
