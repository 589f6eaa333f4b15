using System;
using System.Collections.Generic;
using System.Linq;

namespace GeneratedBus.Hosting;

/// <summary>
/// Everything registered for one bus type: kept as a singleton instance in the service collection, so a second
/// <c>Add{Bus}Bus</c> call adds to the same registration instead of making a second bus.
/// </summary>
internal sealed class BusRegistrations<TBus, TListener, TEvent>
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly List<ListenerRegistration<TBus>> _listeners = new();
    private readonly List<Action<BusOptions>> _configure = new();
    private readonly List<Func<IServiceProvider, IBusCompanion>> _companions = new();

    public BusRegistrations(BusDescriptor<TBus, TListener, TEvent> descriptor)
    {
        Descriptor = descriptor;
    }

    public BusDescriptor<TBus, TListener, TEvent> Descriptor { get; }

    /// <summary>The name of this bus's <see cref="BusSettings"/> options: the bus's full type name.</summary>
    public static string OptionsName { get; } = typeof(TBus).FullName ?? typeof(TBus).Name;

    /// <summary>The configuration section bound by <c>BindConfiguration</c>, the prefix of every key in messages.</summary>
    public string? SectionPath { get; set; }

    public IReadOnlyList<ListenerRegistration<TBus>> Listeners => _listeners;

    public IReadOnlyList<Action<BusOptions>> Configure => _configure;

    /// <summary>How to resolve each companion, in registration order.</summary>
    public IReadOnlyList<Func<IServiceProvider, IBusCompanion>> Companions => _companions;

    public void AddCompanion(Func<IServiceProvider, IBusCompanion> resolve) => _companions.Add(resolve);

    /// <summary>The names configuration can switch on, in ordinal order.</summary>
    public IEnumerable<string> KnownNames =>
        _listeners.Where(l => l.Name is not null).Select(l => l.Name!).Order(StringComparer.Ordinal);

    public void Add(ListenerRegistration<TBus> listener)
    {
        if (listener.Name is { } name && _listeners.Any(l => l.Name == name))
        {
            throw new InvalidOperationException(
                $"A listener named '{name}' is already registered on {typeof(TBus).Name}; each name switches on one listener.");
        }

        _listeners.Add(listener);
    }

    public void AddConfigure(Action<BusOptions>? configure)
    {
        if (configure is not null)
        {
            _configure.Add(configure);
        }
    }

    /// <summary>The full configuration key of <paramref name="key"/> in this bus's section.</summary>
    public string Key(string key) => SectionPath is null ? key : SectionPath + ":" + key;
}
