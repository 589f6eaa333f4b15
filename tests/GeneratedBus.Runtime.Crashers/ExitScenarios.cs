using System;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Crashers;

/// <summary>
/// A process that exits with a bus still holding events (issue 14, point 1): the scenario returns from Main without
/// Stop, and the parent reads what the process-exit hook wrote to stdout after the "ok" line.
/// </summary>
internal static class ExitScenarios
{
    /// <summary>
    /// Starts a bus whose one listener blocks on its first event, posts the given number of events and returns: the
    /// process then exits with all of them undelivered (one in flight, the rest waiting).
    /// </summary>
    /// <param name="args">The number of events.</param>
    public static void ExitWithoutStop(string[] args)
    {
        int events = int.Parse(args[0], CultureInfo.InvariantCulture);
        using var entered = new ManualResetEventSlim();
        var bus = new ExitBus(new BusOptions { Name = "exiting", LoggerFactory = new StdoutLoggerFactory() });

        // Never released: the dispatch thread is still in it when the process exits.
        bus.AddToQueue(new BlockingForever(entered), "slow");
        bus.Start();
        for (int i = 0; i < events; i++)
        {
            bus.Post(new ExitEvent(i));
        }

        Check.That(entered.Wait(Check.Timeout), "the listener took the first event");
        Check.That(bus.IsRunning, "the bus still running as Main returns");
    }
}

/// <summary>The event root of <see cref="ExitBus"/>.</summary>
internal sealed record ExitEvent(int Value);

/// <summary>The listener interface of <see cref="ExitBus"/>.</summary>
internal interface IExitListener
{
    void On(ExitEvent e);
}

/// <summary>A one-kind dispatcher, as the generator would write.</summary>
internal readonly struct ExitDispatcher : IEventDispatcher<IExitListener, ExitEvent>
{
    public int KindCount => 1;

    public int Classify(ExitEvent e) => 0;

    public void Dispatch(IExitListener listener, ExitEvent e, int kind) => listener.On(e);
}

/// <summary>A bus as the generator would write.</summary>
internal sealed class ExitBus(BusOptions options)
    : LiveListenerBus<IExitListener, ExitEvent>(options, DispatcherBinding<IExitListener, ExitEvent>.Of<ExitDispatcher>());

/// <summary>Blocks in its first call until the process ends.</summary>
internal sealed class BlockingForever(ManualResetEventSlim entered) : IExitListener
{
    public void On(ExitEvent e)
    {
        entered.Set();
        Thread.Sleep(Timeout.Infinite);
    }
}

/// <summary>Writes each entry to stdout at once, as "Level EventName: message", so the parent can read it.</summary>
internal sealed class StdoutLoggerFactory : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StdoutLogger();

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class StdoutLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Console.Out.WriteLine($"{logLevel} {eventId.Name}: {formatter(state, exception)}");
            Console.Out.Flush();
        }
    }
}
