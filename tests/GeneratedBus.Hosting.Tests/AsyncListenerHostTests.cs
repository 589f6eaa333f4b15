using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeneratedBus.Hosting.Tests;

/// <summary>Async listeners added with AddAsyncListener, in a real host.</summary>
public class AsyncListenerHostTests
{
    [Fact]
    public async Task An_async_listener_from_DI_shares_a_queue_with_a_sync_one_and_every_queue_balances()
    {
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<Ledger>();
            services.AddOrderBus(o => o.QueueCapacities["small"] = 8)
                .AddListener<CountingListener>()
                .AddAsyncListener<AsyncCountingListener>()
                .AddAsyncListener<AsyncCountingListener>("small")
                .BindConfiguration("GeneratedBus:OrderBus");
        });
        var bus = host.Services.GetRequiredService<OrderBus>();
        bus.Post(new OrderPlaced(-1));

        await host.StartBounded();
        for (int i = 0; i < 500; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        await host.StopBounded();

        BusStats stats = bus.GetStats();
        Assert.Equal(501, stats.EventsPosted);
        foreach (QueueStats queue in stats.Queues.Values)
        {
            Assert.Equal(501, queue.Posted);
            Assert.Equal(queue.Posted, queue.Processed + queue.Dropped);
        }

        // One singleton on two queues: it got what both processed; the shared queue's sync listener as many.
        var asyncListener = host.Services.GetRequiredService<AsyncCountingListener>();
        Assert.Equal(stats.Queues["shared"].Processed + stats.Queues["small"].Processed, asyncListener.Count);
        Assert.Equal(stats.Queues["shared"].Processed, host.Services.GetRequiredService<CountingListener>().Count);
        Assert.Equal(2, bus.FindListenersByType<AsyncCountingListener>().Count());
        Assert.Equal(stats.Queues["shared"].Processed + stats.Queues["small"].Processed, stats.Listeners[typeof(AsyncCountingListener)].Events);
    }

    [Fact]
    public async Task Host_shutdown_cancels_an_async_listener_stuck_on_IO_and_counts_its_failure()
    {
        var stuck = new AwaitingUntilCancelledListener();
        using IHost host = TestHost.Build(
            services =>
            {
                services.AddSingleton(stuck);
                services.AddOrderBus().AddAsyncListener<AwaitingUntilCancelledListener>("io");
            },
            shutdownTimeout: TimeSpan.FromMilliseconds(300));
        var bus = host.Services.GetRequiredService<OrderBus>();
        await host.StartBounded();
        for (int i = 0; i < 3; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        await stuck.Entered.WaitAsync(TestHost.Deadline);
        await host.StopBounded();

        // The host's shutdown timeout gave up on the queue: the token ended the call, which is a failure, and the
        // events behind it are dropped once it returned.
        await stuck.Cancelled.WaitAsync(TestHost.Deadline);
        TestHost.Eventually(() => bus.GetStats().Queues["io"] is { Size: 0 } q && q.Processed + q.Dropped == 3, "the abandoned queue settles");
        QueueStats io = bus.GetStats().Queues["io"];
        Assert.Equal(1, io.Processed);
        Assert.Equal(2, io.Dropped);
        Assert.Equal(1, bus.GetStats().Listeners[typeof(AwaitingUntilCancelledListener)].Failures);
    }

    [Fact]
    public async Task A_scoped_async_listener_is_resolved_per_event_in_an_async_scope_of_its_own()
    {
        int disposedBefore = UnitOfWork.Disposed;
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton<ScopedLog>();
            services.AddScoped<UnitOfWork>();
            services.AddScoped<ScopedAsyncListener>();
            services.AddOrderBus().AddAsyncListener<ScopedAsyncListener>();
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
        Assert.Contains(bus.GetStats().Listeners.Keys, t => t.GenericTypeArguments.SequenceEqual([typeof(ScopedAsyncListener)]));
        await host.StopBounded();
    }
}
