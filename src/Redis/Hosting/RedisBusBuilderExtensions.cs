using System;
using System.Collections.Generic;
using System.Linq;
using GeneratedBus;
using GeneratedBus.EventLog;
using GeneratedBus.Hosting;
using GeneratedBus.Redis.Hosting;
using GeneratedBus.Redis.Publishing;
using GeneratedBus.Redis.Subscribing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a Redis stream publisher or subscriber to a bus registered with GeneratedBus.Hosting (<c>services.Add{Bus}Bus()</c>).</summary>
public static class RedisBusBuilderExtensions
{
    /// <summary>The section <see cref="AddRedisPublisher"/> binds unless told otherwise.</summary>
    public const string DefaultPublisherSection = "GeneratedBus:Redis:Publisher";

    /// <summary>The section <see cref="AddRedisSubscriber"/> binds unless told otherwise.</summary>
    public const string DefaultSubscriberSection = "GeneratedBus:Redis:Subscriber";

    /// <summary>
    /// Appends every event posted to the bus to a Redis stream: a <see cref="RedisStreamPublisher{TEvent}"/> (a DI
    /// singleton) on the bus's <paramref name="queue"/>, which is always a <c>DropWrite</c> queue, so posting never
    /// waits for Redis (its capacity is the bus's <c>Queues:{queue}:Capacity</c>). The settings are bound from
    /// <paramref name="sectionPath"/>, then <paramref name="configure"/>, and checked when the host starts: a bad value
    /// stops startup with a message naming its key. After the bus drained on shutdown, the last batch is sent and the
    /// balance is logged.
    /// </summary>
    /// <typeparam name="TBus">The generated bus.</typeparam>
    /// <typeparam name="TListener">Its listener interface.</typeparam>
    /// <typeparam name="TEvent">Its event root.</typeparam>
    /// <param name="builder">What <c>Add{Bus}Bus</c> returned.</param>
    /// <param name="codec">The bus's generated codec, <c>{Bus}JsonCodec.Instance</c>.</param>
    /// <param name="queue">The bus queue the publisher listens on; <c>"redis"</c> by default.</param>
    /// <param name="sectionPath">The configuration section of <see cref="RedisPublisherSettings"/>.</param>
    /// <param name="configure">Changes the settings after the section is applied; <see langword="null"/> for none.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException">A Redis publisher of <typeparamref name="TEvent"/> is registered already.</exception>
    public static BusBuilder<TBus, TListener, TEvent> AddRedisPublisher<TBus, TListener, TEvent>(
        this BusBuilder<TBus, TListener, TEvent> builder, IEventJsonCodec<TEvent> codec, string queue = "redis",
        string sectionPath = DefaultPublisherSection, Action<RedisPublisherSettings>? configure = null)
        where TBus : LiveListenerBus<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        IServiceCollection services = builder.Services;
        RefuseSecond<RedisStreamPublisher<TEvent>>(services, "publisher");
        string name = OptionsName<TEvent>();
        AddSettings(
            services, name, configure,
            options => options.BindConfiguration(sectionPath, binder => binder.ErrorOnUnknownConfiguration = true),
            isService => new RedisPublisherSettingsValidator(name, sectionPath, isService));
        services.AddSingleton(provider =>
        {
            RedisPublisherSettings settings = Settings<RedisPublisherSettings>(provider, name);
            return new RedisStreamPublisher<TEvent>(Connection(provider, settings.ConnectionString), codec, settings.ToOptions(), HostingLogger(provider));
        });
        services.AddSingleton(provider => new RedisPublisherCompanion<TEvent>(
            provider.GetRequiredService<RedisStreamPublisher<TEvent>>(),
            Connection(provider, Settings<RedisPublisherSettings>(provider, name).ConnectionString),
            () => provider.GetRequiredService<TBus>().GetStats().Queues.GetValueOrDefault(queue),
            HostingLogger(provider)));
        return builder
            .Configure(bus => bus.QueueFullModes[queue] = QueueFullMode.DropWrite) // the application never waits for Redis
            .AddEventHandler(queue, provider => provider.GetRequiredService<RedisStreamPublisher<TEvent>>().Append)
            .AddCompanion(provider => provider.GetRequiredService<RedisPublisherCompanion<TEvent>>());
    }

    /// <summary>
    /// Reads a Redis stream through a consumer group into the bus: a <see cref="RedisStreamSubscriber{TEvent}"/> (a DI
    /// singleton) posts each entry into the bus, whose <paramref name="queue"/> is always a <c>Wait</c> queue, and an
    /// acknowledger that goes LAST on that queue (whatever the registration order) acknowledges it once the queue's
    /// listeners processed it. Put the listeners that handle the events on <paramref name="queue"/>; one that needs the
    /// delivery's (producer, sequence) takes the subscriber from DI and reads <see cref="RedisStreamSubscriber{TEvent}.CurrentDelivery"/>.
    /// The subscriber must be the only poster into the bus. It starts right after the bus (retrying in the background
    /// while Redis is unreachable), stops reading before the bus stops, and acknowledges what the bus drained after.
    /// </summary>
    /// <typeparam name="TBus">The generated bus.</typeparam>
    /// <typeparam name="TListener">Its listener interface.</typeparam>
    /// <typeparam name="TEvent">Its event root.</typeparam>
    /// <param name="builder">What <c>Add{Bus}Bus</c> returned.</param>
    /// <param name="codec">The bus's generated codec, <c>{Bus}JsonCodec.Instance</c>.</param>
    /// <param name="queue">The bus queue the events are processed on; <c>"redis-in"</c> by default.</param>
    /// <param name="sectionPath">The configuration section of <see cref="RedisSubscriberSettings"/>.</param>
    /// <param name="configure">Changes the settings after the section is applied; <see langword="null"/> for none.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException">A Redis subscriber of <typeparamref name="TEvent"/> is registered already.</exception>
    public static BusBuilder<TBus, TListener, TEvent> AddRedisSubscriber<TBus, TListener, TEvent>(
        this BusBuilder<TBus, TListener, TEvent> builder, IEventJsonCodec<TEvent> codec, string queue = "redis-in",
        string sectionPath = DefaultSubscriberSection, Action<RedisSubscriberSettings>? configure = null)
        where TBus : LiveListenerBus<TListener, TEvent>
        where TListener : class
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        IServiceCollection services = builder.Services;
        RefuseSecond<RedisStreamSubscriber<TEvent>>(services, "subscriber");
        string name = OptionsName<TEvent>();
        AddSettings(
            services, name, configure,
            options => options.BindConfiguration(sectionPath, binder => binder.ErrorOnUnknownConfiguration = true),
            isService => new RedisSubscriberSettingsValidator(name, sectionPath, isService));
        services.AddSingleton(provider =>
        {
            RedisSubscriberSettings settings = Settings<RedisSubscriberSettings>(provider, name);
            TBus? bus = null; // resolved at the first post: the bus resolves this subscriber (its acknowledger) while it is made
            return new RedisStreamSubscriber<TEvent>(
                Connection(provider, settings.ConnectionString), codec,
                (e, cancellationToken) => (bus ??= provider.GetRequiredService<TBus>()).PostAsync(e, cancellationToken),
                settings.ToOptions(),
                provider.GetService<ILoggerFactory>()?.CreateLogger("GeneratedBus.Redis"));
        });
        services.AddSingleton(provider =>
        {
            RedisSubscriberSettings settings = Settings<RedisSubscriberSettings>(provider, name);
            return new RedisSubscriberCompanion<TEvent>(
                provider.GetRequiredService<RedisStreamSubscriber<TEvent>>(), settings, Connection(provider, settings.ConnectionString), HostingLogger(provider));
        });
        return builder
            .Configure(bus => bus.QueueFullModes[queue] = QueueFullMode.Wait) // nothing read from the stream is dropped locally
            .AddEventHandler(queue, provider => provider.GetRequiredService<RedisStreamSubscriber<TEvent>>().Processed, last: true)
            .AddCompanion(provider => provider.GetRequiredService<RedisSubscriberCompanion<TEvent>>());
    }

    /// <summary>The name of a bridge's options: the event root's full name, so two buses' bridges never share settings.</summary>
    internal static string OptionsName<TEvent>() => typeof(TEvent).FullName ?? typeof(TEvent).Name;

    // The bind call stays at each concrete call site, where the configuration-binding generator can write its code.
    private static void AddSettings<TSettings>(
        IServiceCollection services, string name, Action<TSettings>? configure,
        Func<OptionsBuilder<TSettings>, OptionsBuilder<TSettings>> bind, Func<IServiceProviderIsService, IValidateOptions<TSettings>> validator)
        where TSettings : class
    {
        OptionsBuilder<TSettings> options = bind(services.AddOptions<TSettings>(name)).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(provider => validator(provider.GetRequiredService<IServiceProviderIsService>()));
        services.TryAddSingleton<RedisConnections>();
    }

    private static TSettings Settings<TSettings>(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<TSettings>>().Get(name);

    private static StackExchange.Redis.IConnectionMultiplexer Connection(IServiceProvider provider, string? connectionString) =>
        provider.GetRequiredService<RedisConnections>().Get(connectionString);

    private static ILogger HostingLogger(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger(RedisHostingLog.Category) ?? NullLogger.Instance;

    private static void RefuseSecond<TService>(IServiceCollection services, string what)
    {
        if (services.Any(d => d.ServiceType == typeof(TService)))
        {
            throw new InvalidOperationException(
                $"A Redis {what} of {typeof(TService).GetGenericArguments()[0].Name} is registered already; a bus has at most one.");
        }
    }
}
