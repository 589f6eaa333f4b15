using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Hosting.Tests.Support;

/// <summary>Real hosts for the tests, every wait bounded.</summary>
public static class TestHost
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>A host with in-memory configuration, logs collected, and the services <paramref name="configure"/> adds.</summary>
    public static IHost Build(
        Action<IServiceCollection> configure,
        IDictionary<string, string?>? settings = null,
        CollectingLoggerProvider? logs = null,
        TimeSpan? shutdownTimeout = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? Deadline);
        configure(builder.Services);
        return builder.Build();
    }

    public static Task StartBounded(this IHost host) => host.StartAsync().WaitAsync(Deadline);

    public static Task StopBounded(this IHost host) => host.StopAsync().WaitAsync(Deadline);

    /// <summary>Polls a condition with a bounded wait.</summary>
    public static void Eventually(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out: " + what);
            Thread.Sleep(1);
        }
    }
}
