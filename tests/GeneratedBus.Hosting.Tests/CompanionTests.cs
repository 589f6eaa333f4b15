using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Hosting.Tests;

/// <summary>
/// What integration packages (GeneratedBus.Redis) plug into: companions started after the bus and stopped around it,
/// event handlers that can go last on their queue, and <c>Configure</c>.
/// </summary>
public class CompanionTests
{
    [Fact]
    public async Task Companions_start_after_the_bus_and_stop_around_it_sources_first_sinks_after_the_bus_drained()
    {
        var journal = new Journal();
        using IHost host = TestHost.Build(services =>
            services.AddOrderBus()
                .AddListener<AuditListener>()
                .AddCompanion(provider => new RecordingCompanion("a", journal, provider.GetRequiredService<OrderBus>()))
                .AddCompanion(provider => new RecordingCompanion("b", journal, provider.GetRequiredService<OrderBus>())));
        await host.StartBounded();
        OrderBus bus = host.Services.GetRequiredService<OrderBus>();
        for (int i = 0; i < 100; i++)
        {
            bus.Post(new OrderPlaced(i));
        }

        await host.StopBounded();

        Assert.Equal(
            [
                "a start, bus running", "b start, bus running",
                "b stopping, bus running", "a stopping, bus running",
                "b stopped, bus stopped, 100 processed", "a stopped, bus stopped, 100 processed",
            ],
            journal.Entries);
    }

    [Fact]
    public async Task A_companion_that_fails_to_stop_is_logged_and_the_others_still_stop()
    {
        var journal = new Journal();
        var logs = new CollectingLoggerProvider();
        using IHost host = TestHost.Build(
            services => services.AddOrderBus()
                .AddCompanion(provider => new RecordingCompanion("a", journal, provider.GetRequiredService<OrderBus>()))
                .AddCompanion(provider => new RecordingCompanion("broken", journal, provider.GetRequiredService<OrderBus>(), failStopped: true)),
            logs: logs);
        await host.StartBounded();
        await host.StopBounded();

        Assert.Contains("a stopped, bus stopped, 0 processed", journal.Entries);
        LogEntry failed = Assert.Single(logs.Entries, e => e.EventId.Name == "CompanionStopFailed");
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Contains("RecordingCompanion", failed.Message);
    }

    [Fact]
    public async Task An_event_handler_marked_last_sees_each_event_after_the_queue_s_other_listeners_whatever_the_order()
    {
        var journal = new Journal();
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton(journal);
            services.AddOrderBus()
                .AddEventHandler("q", provider => e => provider.GetRequiredService<Journal>().Add($"last {e.Id}"), last: true)
                .AddListener<JournalListener>("q")
                .AddEventHandler("q", provider => e => provider.GetRequiredService<Journal>().Add($"handler {e.Id}"));
        });
        await host.StartBounded();
        OrderBus bus = host.Services.GetRequiredService<OrderBus>();
        bus.Post(new OrderPlaced(1));
        bus.Post(new OrderShipped(2));
        await host.StopBounded();

        Assert.Equal(["listener 1", "handler 1", "last 1", "listener 2", "handler 2", "last 2"], journal.Entries);
    }

    [Fact]
    public async Task Configure_changes_the_options_after_the_configuration_section()
    {
        using IHost host = TestHost.Build(
            services => services.AddOrderBus()
                .AddListener<AuditListener>("small")
                .BindConfiguration("GeneratedBus:OrderBus")
                .Configure(o => o.QueueCapacities["small"] = 3),
            new Dictionary<string, string?> { ["GeneratedBus:OrderBus:Queues:small:Capacity"] = "50" });
        await host.StartBounded();
        Assert.Equal(3, host.Services.GetRequiredService<OrderBus>().GetStats().Queues["small"].Capacity);
        await host.StopBounded();
    }

    public sealed class Journal
    {
        private readonly List<string> _entries = new();

        public List<string> Entries
        {
            get
            {
                lock (_entries)
                {
                    return _entries.ToList();
                }
            }
        }

        public void Add(string entry)
        {
            lock (_entries)
            {
                _entries.Add(entry);
            }
        }
    }

    public sealed class JournalListener(Journal journal) : OrderFirehoseListener
    {
        public override void OnEvent(OrderEvent e) => journal.Add($"listener {e.Id}");
    }

    private sealed class RecordingCompanion(string name, Journal journal, OrderBus bus, bool failStopped = false) : IBusCompanion
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            journal.Add($"{name} start, bus {State()}");
            return Task.CompletedTask;
        }

        public Task BusStoppingAsync(CancellationToken cancellationToken)
        {
            journal.Add($"{name} stopping, bus {State()}");
            return Task.CompletedTask;
        }

        public Task BusStoppedAsync(CancellationToken cancellationToken)
        {
            if (failStopped)
            {
                throw new InvalidOperationException("broken on purpose");
            }

            long processed = bus.GetStats().Queues.Values.Sum(q => q.Processed);
            journal.Add($"{name} stopped, bus {State()}, {processed} processed");
            return Task.CompletedTask;
        }

        private string State() => bus.IsRunning ? "running" : "stopped";
    }
}
