using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GeneratedBus.Hosting;

/// <summary>
/// What <c>services.Add{Bus}Bus()</c> returns: adds listeners resolved from DI, and binds the bus's configuration
/// section.
/// </summary>
/// <typeparam name="TBus">The generated bus (<c>SchedulerBus</c>).</typeparam>
/// <typeparam name="TListener">The generated listener interface (<c>ISchedulerListener</c>).</typeparam>
/// <typeparam name="TEvent">The event root (<c>SchedulerEvent</c>).</typeparam>
public sealed class BusBuilder<TBus, TListener, TEvent>
    where TBus : LiveListenerBus<TListener, TEvent>
    where TListener : class
    where TEvent : class
{
    private readonly BusRegistrations<TBus, TListener, TEvent> _registrations;

    internal BusBuilder(IServiceCollection services, BusRegistrations<TBus, TListener, TEvent> registrations)
    {
        Services = services;
        _registrations = registrations;
    }

    /// <summary>The service collection the bus is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Puts a <typeparamref name="T"/> resolved from DI on <paramref name="queue"/> when the bus is made. It is
    /// registered as a singleton unless already registered, and that instance receives the events, so another service
    /// or a test can resolve the very listener on the queue. Registered as scoped beforehand
    /// (<c>services.AddScoped&lt;T&gt;()</c>), it is instead resolved per event in a DI scope of its own.
    /// </summary>
    /// <typeparam name="T">The listener type; its public constructor is kept for trimming and NativeAOT.</typeparam>
    /// <param name="queue">The queue; <c>"shared"</c> by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    public BusBuilder<TBus, TListener, TEvent> AddListener<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        string queue = LiveListenerBus<TListener, TEvent>.SharedQueue)
        where T : class, TListener
        => Add<T>(queue, name: null);

    /// <summary>
    /// Registers <typeparamref name="T"/> under <paramref name="name"/>, off until the bus's configuration names it in
    /// <c>Listeners</c>: Spark's <c>spark.extraListeners</c>, without reflection. An unknown name in <c>Listeners</c>
    /// stops startup with a message listing the known names. Otherwise as <see cref="AddListener{T}"/>.
    /// </summary>
    /// <typeparam name="T">The listener type.</typeparam>
    /// <param name="name">The name configuration uses; unique per bus.</param>
    /// <param name="queue">The queue; <c>"shared"</c> by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="queue"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">Another listener has that name.</exception>
    public BusBuilder<TBus, TListener, TEvent> AddNamedListener<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        string name, string queue = LiveListenerBus<TListener, TEvent>.SharedQueue)
        where T : class, TListener
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add<T>(queue, name);
    }

    /// <summary>
    /// Binds the bus's settings to the configuration section at <paramref name="sectionPath"/>
    /// (<c>"GeneratedBus:SchedulerBus"</c>), validated when the host starts: a bad value, or a key the bus does not
    /// know, stops startup with a message naming the key. The <c>configure</c> delegate of <c>Add{Bus}Bus</c> runs after
    /// the section is applied.
    /// </summary>
    /// <param name="sectionPath">The section's path, its parts separated by ':'.</param>
    /// <returns>This builder.</returns>
    public BusBuilder<TBus, TListener, TEvent> BindConfiguration(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        _registrations.SectionPath = sectionPath;
        Services.AddOptions<BusSettings>(BusRegistrations<TBus, TListener, TEvent>.OptionsName)
            .BindConfiguration(sectionPath, binder => binder.ErrorOnUnknownConfiguration = true);
        return this;
    }

    /// <summary>
    /// Adds a delegate that changes the bus's options after its configuration section is applied, as the
    /// <c>configure</c> argument of <c>Add{Bus}Bus</c> does; delegates run in the order they were added.
    /// </summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public BusBuilder<TBus, TListener, TEvent> Configure(Action<BusOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registrations.AddConfigure(configure);
        return this;
    }

    /// <summary>
    /// For integration packages: puts on <paramref name="queue"/>, when the bus is made, a listener that hands every
    /// event to the action <paramref name="resolve"/> makes from DI (GeneratedBus.Redis's publisher and acknowledger).
    /// With <paramref name="last"/>, it goes after every other listener of the queue whatever the registration order.
    /// </summary>
    /// <param name="queue">The queue.</param>
    /// <param name="resolve">Makes the action, once, when the bus is made.</param>
    /// <param name="last">Whether it must see each event after the queue's other listeners.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BusBuilder<TBus, TListener, TEvent> AddEventHandler(string queue, Func<IServiceProvider, Action<TEvent>> resolve, bool last = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(resolve);
        BusDescriptor<TBus, TListener, TEvent> descriptor = _registrations.Descriptor;
        _registrations.Add(new ListenerRegistration<TBus>(
            typeof(Action<TEvent>), queue, Name: null, Scoped: false,
            (bus, provider) => bus.AddToQueue(descriptor.CreateScopedListener<TListener>(resolve(provider)), queue),
            last));
        return this;
    }

    /// <summary>
    /// For integration packages: a companion resolved from DI when the host starts, started right after the bus and
    /// stopped around it (see <see cref="IBusCompanion"/>).
    /// </summary>
    /// <param name="resolve">Resolves the companion.</param>
    /// <returns>This builder.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BusBuilder<TBus, TListener, TEvent> AddCompanion(Func<IServiceProvider, IBusCompanion> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _registrations.AddCompanion(resolve);
        return this;
    }

    private BusBuilder<TBus, TListener, TEvent> Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(string queue, string? name)
        where T : class, TListener
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        bool scoped = IsScoped<T>();
        if (!scoped)
        {
            Services.TryAddSingleton<T>();
        }

        BusDescriptor<TBus, TListener, TEvent> descriptor = _registrations.Descriptor;
        Func<IServiceProvider, TListener> resolve = scoped
            ? provider => ScopedListener<T>(provider, descriptor)
            : provider => provider.GetRequiredService<T>();
        _registrations.Add(new ListenerRegistration<TBus>(typeof(T), queue, name, scoped, (bus, provider) => bus.AddToQueue(resolve(provider), queue)));
        return this;
    }

    /// <summary>
    /// What the generated <c>AddAsyncListener&lt;T&gt;()</c> calls: puts a <typeparamref name="T"/> resolved from DI on
    /// <paramref name="queue"/> as an async listener, registered and resolved as <see cref="AddListener{T}"/> does
    /// (a singleton unless registered as scoped, then resolved per event in an async DI scope of its own).
    /// </summary>
    /// <typeparam name="T">The async listener type; its public constructor is kept for trimming and NativeAOT.</typeparam>
    /// <typeparam name="TAsyncListener">The generated async listener interface (<c>ISchedulerAsyncListener</c>).</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="descriptor">The generated async descriptor of the bus.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="queue"/> is empty.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BusBuilder<TBus, TListener, TEvent> AddAsyncListener<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T, TAsyncListener>(
        string queue, AsyncListenerDescriptor<TBus, TAsyncListener, TEvent> descriptor)
        where T : class, TAsyncListener
        where TAsyncListener : class
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(descriptor);
        bool scoped = IsScoped<T>();
        if (!scoped)
        {
            Services.TryAddSingleton<T>();
        }

        Func<IServiceProvider, TAsyncListener> resolve = scoped
            ? provider => ScopedAsyncListener<T, TAsyncListener>(provider, descriptor)
            : provider => provider.GetRequiredService<T>();
        _registrations.Add(new ListenerRegistration<TBus>(
            typeof(T), queue, Name: null, scoped, (bus, provider) => descriptor.AddToQueue(bus, resolve(provider), queue)));
        return this;
    }

    private bool IsScoped<T>() =>
        Services.Any(d => d.ServiceType == typeof(T) && !d.IsKeyedService && d.Lifetime == ServiceLifetime.Scoped);

    /// <summary>
    /// The stand-in for a scoped async listener: per event, an async scope of its own, the listener resolved in it, the
    /// event handed over and awaited, the scope disposed.
    /// </summary>
    private static TAsyncListener ScopedAsyncListener<T, TAsyncListener>(
        IServiceProvider provider, AsyncListenerDescriptor<TBus, TAsyncListener, TEvent> descriptor)
        where T : class, TAsyncListener
        where TAsyncListener : class
    {
        IServiceScopeFactory scopes = provider.GetRequiredService<IServiceScopeFactory>();
        return descriptor.CreateScopedListener<T>(async (e, cancellationToken) =>
        {
            AsyncServiceScope scope = scopes.CreateAsyncScope();
            try
            {
                await descriptor.DispatchAsync(scope.ServiceProvider.GetRequiredService<T>(), e, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        });
    }

    /// <summary>The stand-in for a scoped listener: per event, a scope of its own, the listener resolved in it, the event handed over.</summary>
    private static TListener ScopedListener<T>(IServiceProvider provider, BusDescriptor<TBus, TListener, TEvent> descriptor)
        where T : class, TListener
    {
        IServiceScopeFactory scopes = provider.GetRequiredService<IServiceScopeFactory>();
        return descriptor.CreateScopedListener<T>(e =>
        {
            using IServiceScope scope = scopes.CreateScope();
            descriptor.Dispatch(scope.ServiceProvider.GetRequiredService<T>(), e);
        });
    }
}
