using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Support;

/// <summary>
/// A logger factory whose loggers hang in every call for the given event ids until <see cref="Release"/> (at most
/// <see cref="Workers.HangBound"/>, so a bug fails instead of hanging the run): what the bus must survive from a
/// logger that is slow or stuck. Keeps the event id of each call as it begins, with the thread it came on.
/// </summary>
/// <param name="hangOn">The event ids whose calls hang; the others return at once.</param>
public sealed class HangingLoggerFactory(params int[] hangOn) : ILoggerFactory
{
    private readonly ManualResetEventSlim _release = new(false);
    private readonly ConcurrentQueue<(int EventId, Thread Thread)> _begun = new();
    private readonly int[] _hangOn = hangOn;

    /// <summary>How many calls with <paramref name="eventId"/> have begun (and hang, until released).</summary>
    public int Begun(int eventId) => _begun.Count(e => e.EventId == eventId);

    /// <summary>The threads the calls with <paramref name="eventId"/> came on.</summary>
    public Thread[] ThreadsOf(int eventId) => _begun.Where(e => e.EventId == eventId).Select(e => e.Thread).ToArray();

    public ILogger CreateLogger(string categoryName) => new HangingLogger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    /// <summary>Lets every call, now and later, return.</summary>
    public void Release() => _release.Set();

    public void Dispose() => Release();

    private sealed class HangingLogger(HangingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._begun.Enqueue((eventId.Id, Thread.CurrentThread));
            if (Array.IndexOf(owner._hangOn, eventId.Id) >= 0)
            {
                owner._release.Wait(Workers.HangBound);
            }
        }
    }
}
