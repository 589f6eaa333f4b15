using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// A logger factory whose loggers block (at most 30 s) on one event ID until released: the bus logs some events
/// under its lock, so this holds the lock for as long as a test needs.
/// </summary>
public sealed class BlockingLoggerFactory(int eventId) : ILoggerFactory
{
    private readonly ManualResetEventSlim _entered = new(false);
    private readonly ManualResetEventSlim _release = new(false);

    public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), $"event {eventId} was never logged");

    public void Release() => _release.Set();

    public ILogger CreateLogger(string categoryName) => new BlockingLogger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose() => _release.Set();

    private void OnLog(EventId id)
    {
        if (id.Id == eventId)
        {
            _entered.Set();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    private sealed class BlockingLogger(BlockingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.OnLog(eventId);
    }
}
