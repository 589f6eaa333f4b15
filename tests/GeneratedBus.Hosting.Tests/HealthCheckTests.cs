using System.Linq;
using System.Threading.Tasks;
using GeneratedBus.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GeneratedBus.Hosting.Tests;

public class HealthCheckTests
{
    [Fact]
    public async Task Healthy_while_running_Degraded_after_drops_with_queues_and_counts_Unhealthy_once_stopped()
    {
        using var blocking = new BlockingListener();
        using IHost host = TestHost.Build(services =>
        {
            services.AddSingleton(blocking);
            services.AddSingleton<Ledger>();
            services.AddOrderBus(o => o.QueueCapacities["small"] = 2)
                .AddListener<CountingListener>()
                .AddListener<BlockingListener>("small");
            services.AddHealthChecks().AddOrderBusCheck();
        });
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var bus = host.Services.GetRequiredService<OrderBus>();
        await host.StartBounded();

        HealthReport report = await health.CheckHealthAsync().WaitAsync(TestHost.Deadline);
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("OrderBus", report.Entries.Keys.Single());

        bus.Post(new OrderPlaced(0));
        blocking.WaitUntilEntered();
        for (int i = 1; i <= 7; i++)
        {
            bus.Post(new OrderShipped(i));
        }

        HealthReportEntry degraded = (await health.CheckHealthAsync().WaitAsync(TestHost.Deadline)).Entries["OrderBus"];
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("Bus OrderBus dropped events since the last check: small 5.", degraded.Description);
        Assert.Equal(5L, degraded.Data["small"]);

        // Only what is new since the last check counts.
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync().WaitAsync(TestHost.Deadline)).Status);

        blocking.Release();
        await bus.StopAsync().WaitAsync(TestHost.Deadline);
        HealthReportEntry stopped = (await health.CheckHealthAsync().WaitAsync(TestHost.Deadline)).Entries["OrderBus"];
        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        Assert.Contains("not running", stopped.Description);
        await host.StopBounded();
    }

    [Fact]
    public async Task The_check_can_be_named()
    {
        using IHost host = TestHost.Build(services =>
        {
            services.AddOrderBus();
            services.AddHealthChecks().AddOrderBusCheck("bus");
        });
        await host.StartBounded();
        HealthReport report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(TestHost.Deadline);
        Assert.Equal("bus", report.Entries.Keys.Single());
        await host.StopBounded();
    }
}
