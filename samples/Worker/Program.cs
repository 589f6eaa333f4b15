using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShopWorker;
using ShopWorker.Feed;
using ShopWorker.Reporting;
using ShopWorker.Storage;

// A Worker Service around the generated ShopBus: configuration from appsettings.json (and the command line, for
// example --Feed:Orders=1000), a SQLite listener on its own queue, a feed that posts, and a drain report.
// appsettings.json is read from beside the executable, wherever it is started; the database path is relative to
// the working directory.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(
    new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
builder.Services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);
builder.Services.AddSingleton<EventStore>();

// Hosted services stop in reverse order: the report (before the bus) stops after it and sees the drained queue;
// the feed (after the bus) stops before it, so the bus drains everything the feed posted.
builder.Services.AddHostedService<DrainReport>();
builder.Services.AddShopBus()
    .AddAsyncListener<EventStoreListener>(ShopQueues.Store)
    .BindConfiguration("GeneratedBus:ShopBus");
builder.Services.AddHostedService<OrderFeed>();

try
{
    await builder.Build().RunAsync().ConfigureAwait(false);
}
catch (OptionsValidationException e)
{
    // The host has logged it with its stack; the exit code and a one-line reason are for scripts and people.
    Console.Error.WriteLine("error: bad configuration: " + e.Message);
    return 2;
}

// 1 when the drain report found rows and processed events apart (DrainReport sets it), else 0.
return Environment.ExitCode;
