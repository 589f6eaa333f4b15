using System;
using System.Collections.Generic;
using System.Linq;
using global::System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeneratedBus.Hosting.Tests;

/// <summary>The bus in a real host: started with it, drained on shutdown, never hanging it.</summary>
public class HostLifecycleTests
{
    [Fact]
    public async Task Posted_before_and_after_start_are_processed_or_dropped_and_every_queue_balances()
    {
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<Ledger>();
            services.AddOrderBus(o => o.QueueCapacities["small"] = 8)
                .AddListener<CountingListener>()
                .AddListener<AuditListener>("small");
        });
        var bus = host.Services.GetRequiredService<OrderBus>();
        bus.Post(new OrderPlaced(-1));
        Assert.False(bus.IsRunning);

        await host.StartBounded();
        Assert.True(bus.IsRunning);
        for (int i = 0; i < 2000; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        await host.StopBounded();

        Assert.False(bus.IsRunning);
        BusStats stats = bus.GetStats();
        Assert.Equal(2001, stats.EventsPosted);
        foreach (QueueStats queue in stats.Queues.Values)
        {
            Assert.Equal(2001, queue.Posted);
            Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
        }

        // The listener on the queue is the one DI holds, with its own dependency from DI.
        var counting = host.Services.GetRequiredService<CountingListener>();
        Assert.Equal(stats.Queues["shared"].Processed, counting.Count);
        Assert.Equal(-1, host.Services.GetRequiredService<Ledger>().Ids.First());
        Assert.Same(counting, bus.FindListenersByType<CountingListener>().Single());
    }

    [Fact]
    public async Task A_blocked_listener_does_not_hang_shutdown_and_what_it_abandoned_is_logged_then_counted()
    {
        var logs = new CollectingLoggerProvider();
        using var blocking = new BlockingListener();
        using IHost host = TestHost.Build(
            services =>
            {
                services.AddSingleton(blocking);
                services.AddOrderBus().AddListener<BlockingListener>("slow");
            },
            logs: logs,
            shutdownTimeout: TimeSpan.FromMilliseconds(300));
        var bus = host.Services.GetRequiredService<OrderBus>();
        await host.StartBounded();
        for (int i = 0; i < 5; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        blocking.WaitUntilEntered();
        await host.StopBounded();

        // The runtime logs through the host's logger factory (StopCancelled), the hosted service sums up.
        Assert.Contains(logs.Entries, e => e.EventId.Id == 15 && e.Category.StartsWith("GeneratedBus.LiveListenerBus.", StringComparison.Ordinal) && e.Message.Contains("queue slow") && e.Message.Contains("5 events"));
        LogEntry abandoned = Assert.Single(logs.Entries, e => e.EventId.Id == 103);
        Assert.Contains("5 events abandoned (slow 5)", abandoned.Message);

        blocking.Release();
        TestHost.Eventually(() => bus.GetStats().Queues["slow"].Dropped == 4, "the abandoned events are counted as dropped");
        QueueStats slow = bus.GetStats().Queues["slow"];
        Assert.Equal(slow.Posted, slow.Processed + slow.Dropped);
        Assert.Equal(1, slow.Processed);
    }

    [Fact]
    public async Task ExitTimeout_bounds_the_stop_when_it_is_shorter_than_the_host_shutdown_timeout()
    {
        var logs = new CollectingLoggerProvider();
        using var blocking = new BlockingListener();
        using IHost host = TestHost.Build(
            services =>
            {
                services.AddSingleton(blocking);
                services.AddOrderBus(o => o.ExitTimeout = TimeSpan.FromMilliseconds(100)).AddListener<BlockingListener>();
            },
            logs: logs);
        await host.StartBounded();
        host.Services.GetRequiredService<OrderBus>().Post(new OrderPlaced(1));
        blocking.WaitUntilEntered();

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.StopBounded();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {stopping.Elapsed}");

        // Stop waits for its log entries at most ExitTimeout (100 ms here), which a loaded machine can exceed: the
        // ExitTimeout entry is then written just after the stop, so wait for it (with a deadline).
        TestHost.Eventually(() => logs.Entries.Any(e => e.EventId.Id == 7), "the ExitTimeout entry (event 7) is logged");
    }

    [Fact]
    public async Task Calling_AddBus_twice_keeps_one_bus_and_applies_both_delegates()
    {
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<Ledger>();
            services.AddOrderBus(o => o.QueueCapacity = 100).AddListener<CountingListener>();
            services.AddOrderBus(o => o.Name = "orders");
        });
        await host.StartBounded();
        var bus = host.Services.GetRequiredService<OrderBus>();
        Assert.Equal("orders", bus.Name);
        Assert.Equal(100, bus.GetStats().Queues["shared"].Capacity);
        Assert.Single(host.Services.GetServices<IHostedService>());
        await host.StopBounded();
    }

    [Fact]
    public async Task A_TimeProvider_registered_in_DI_is_the_bus_clock()
    {
        var clock = new CountingTimeProvider();
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<Ledger>();
            services.AddOrderBus().AddListener<CountingListener>();
        });
        await host.StartBounded();
        var bus = host.Services.GetRequiredService<OrderBus>();
        bus.Post(new OrderPlaced(1));
        bus.WaitUntilEmpty(TestHost.Deadline);
        await host.StopBounded();

        Assert.True(clock.Reads > 0, "the listener timer read the DI clock");
    }

    [Fact]
    public async Task A_scoped_listener_is_resolved_per_event_in_a_scope_of_its_own()
    {
        int disposedBefore = UnitOfWork.Disposed;
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<ScopedLog>();
            services.AddScoped<UnitOfWork>();
            services.AddScoped<ScopedListener>();
            services.AddOrderBus().AddListener<ScopedListener>();
        });
        await host.StartBounded();
        var bus = host.Services.GetRequiredService<OrderBus>();
        for (int i = 0; i < 3; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        bus.WaitUntilEmpty(TestHost.Deadline);
        IReadOnlyList<(object Listener, int Unit)> calls = host.Services.GetRequiredService<ScopedLog>().Calls;
        Assert.Equal(3, calls.Count);
        Assert.Equal(3, calls.Select(c => c.Listener).Distinct().Count());
        Assert.Equal(3, calls.Select(c => c.Unit).Distinct().Count());
        Assert.True(UnitOfWork.Disposed - disposedBefore >= 3, "each event's scope was disposed");

        // The stand-in on the queue is named after the scoped type, so its timer is too.
        Assert.Contains(bus.GetStats().Listeners.Keys, t => t.GenericTypeArguments.SequenceEqual([typeof(ScopedListener)]));
        await host.StopBounded();
    }
}

/// <summary>The system clock, counting how often the bus reads it.</summary>
public sealed class CountingTimeProvider : TimeProvider
{
    private int _reads;

    public int Reads => global::System.Threading.Volatile.Read(ref _reads);

    public override long GetTimestamp()
    {
        global::System.Threading.Interlocked.Increment(ref _reads);
        return global::System.Diagnostics.Stopwatch.GetTimestamp();
    }
}
