using System;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>A logger factory whose loggers throw on every entry: the bus must survive its own logging failing.</summary>
public sealed class ThrowingLoggerFactory : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ThrowingLogger();

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => throw new InvalidOperationException("logger failure for the test");
    }
}
