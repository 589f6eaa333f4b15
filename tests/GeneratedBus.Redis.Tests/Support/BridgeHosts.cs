using System;
using System.Collections.Generic;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Redis.Tests.Support;

/// <summary>Real generic hosts with the hosted Redis bridge, every wait bounded.</summary>
public static class BridgeHosts
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A host with in-memory configuration, logs collected, and the services <paramref name="configure"/> adds.</summary>
    public static IHost Build(Action<IServiceCollection> configure, IDictionary<string, string?> settings, CollectingLoggerProvider? logs = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Deadline);
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>A producer: the bus with a Redis publisher on its "redis" queue.</summary>
    public static IHost Producer(IDictionary<string, string?> settings, CollectingLoggerProvider? logs = null) =>
        Build(services => services.AddTradeBus().AddRedisPublisher(TradeJsonCodec.Instance), settings, logs);

    /// <summary>A consumer: the bus with a recorder and a Redis subscriber on its "redis-in" queue.</summary>
    public static IHost Consumer(IDictionary<string, string?> settings, Action<IServiceCollection>? more = null, CollectingLoggerProvider? logs = null) =>
        Build(services =>
        {
            more?.Invoke(services);
            // The subscriber before the recorder: its acknowledger still goes last on the queue.
            services.AddTradeBus().AddRedisSubscriber(TradeJsonCodec.Instance).AddListener<HostedRecorder>("redis-in");
        }, settings, logs);
}
