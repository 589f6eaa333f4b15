using System;
using System.ComponentModel;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GeneratedBus.Hosting;

/// <summary>What the generated <c>services.Add{Bus}Bus()</c> calls. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BusServices
{
    /// <summary>
    /// Registers the bus as a singleton made from configuration, <paramref name="configure"/> and the host's logger
    /// factory and clock; a hosted service that starts it with the host and stops it on shutdown; and validation of
    /// its settings at startup. A second call for the same bus adds <paramref name="configure"/> and returns a builder
    /// over the same registration.
    /// </summary>
    /// <typeparam name="TBus">The generated bus.</typeparam>
    /// <typeparam name="TListener">Its listener interface.</typeparam>
    /// <typeparam name="TEvent">Its event root.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="descriptor">The generated descriptor of the bus.</param>
    /// <param name="configure">Changes the options after configuration is applied; <see langword="null"/> for none.</param>
    /// <returns>The builder that adds listeners and binds configuration.</returns>
    public static BusBuilder<TBus, TListener, TEvent> AddBus<TBus, TListener, TEvent>(
        IServiceCollection services, BusDescriptor<TBus, TListener, TEvent> descriptor, Action<BusOptions>? configure)
        where TBus : LiveListenerBus<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(BusRegistrations<TBus, TListener, TEvent>))?.ImplementationInstance
            is BusRegistrations<TBus, TListener, TEvent> existing)
        {
            existing.AddConfigure(configure);
            return new BusBuilder<TBus, TListener, TEvent>(services, existing);
        }

        var registrations = new BusRegistrations<TBus, TListener, TEvent>(descriptor);
        registrations.AddConfigure(configure);
        services.AddSingleton(registrations);
        services.AddSingleton(provider => CreateBus(provider, registrations));
        services.AddOptions<BusSettings>(BusRegistrations<TBus, TListener, TEvent>.OptionsName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusSettings>>(new BusSettingsValidator<TBus, TListener, TEvent>(registrations));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BusHostedService<TBus, TListener, TEvent>>(
            provider => new BusHostedService<TBus, TListener, TEvent>(
                provider,
                registrations,
                provider.GetService<ILoggerFactory>()?.CreateLogger(HostingLog.Category))));
        return new BusBuilder<TBus, TListener, TEvent>(services, registrations);
    }

    /// <summary>The bus's factory: options from configuration, then the delegates, then its listeners on their queues.</summary>
    private static TBus CreateBus<TBus, TListener, TEvent>(IServiceProvider provider, BusRegistrations<TBus, TListener, TEvent> registrations)
        where TBus : LiveListenerBus<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        BusSettings settings = provider.GetRequiredService<IOptionsMonitor<BusSettings>>()
            .Get(BusRegistrations<TBus, TListener, TEvent>.OptionsName);
        var options = new BusOptions
        {
            LoggerFactory = provider.GetService<ILoggerFactory>(),
            TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
        };
        settings.ApplyTo(options);
        foreach (Action<BusOptions> configure in registrations.Configure)
        {
            configure(options);
        }

        TBus bus = registrations.Descriptor.CreateBus(options);
        try
        {
            // Before the bus starts, so events posted early are buffered for every queue and delivered on Start.
            // Stable: registration order, except that listeners that must see an event last (an acknowledger) go last.
            foreach (ListenerRegistration<TBus> listener in registrations.Listeners.OrderBy(l => l.Last))
            {
                if (listener.Name is null || settings.Listeners.Contains(listener.Name, StringComparer.Ordinal))
                {
                    listener.AddTo(bus, provider);
                }
            }
        }
        catch
        {
            bus.Dispose();
            throw;
        }

        return bus;
    }
}
