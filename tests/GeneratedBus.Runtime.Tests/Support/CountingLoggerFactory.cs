using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// Counts log entries by event id and keeps the first few of each, for stress tests that log too much to keep
/// (a listener that fails a million times).
/// </summary>
public sealed class CountingLoggerFactory : ILoggerFactory
{
    private const int KeptPerId = 8;

    private readonly ConcurrentDictionary<int, long> _counts = new();
    private readonly ConcurrentQueue<LogEntry> _kept = new();

    private readonly ConcurrentDictionary<(int, string), long> _sums = new();

    public long Count(int eventId) => _counts.TryGetValue(eventId, out long n) ? n : 0;

    /// <summary>The sum of a numeric field of the entries of one id (a summary's count), over all of them.</summary>
    public long Sum(int eventId, string field) => _sums.TryGetValue((eventId, field), out long n) ? n : 0;

    /// <summary>Every id seen with its count, for a failure message.</summary>
    public string Summary => string.Join(", ", _counts.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));

    /// <summary>The first entries of each id.</summary>
    public LogEntry[] Kept => _kept.ToArray();

    public ILogger CreateLogger(string categoryName) => new CountingLogger(categoryName, this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class CountingLogger(string category, CountingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (KeyValuePair<string, object?> field in fields)
                {
                    if (field.Value is long value)
                    {
                        owner._sums.AddOrUpdate((eventId.Id, field.Key), value, (_, n) => n + value);
                    }
                }
            }

            if (owner._counts.AddOrUpdate(eventId.Id, 1, (_, n) => n + 1) <= KeptPerId)
            {
                owner._kept.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
