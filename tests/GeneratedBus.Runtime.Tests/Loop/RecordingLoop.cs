using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace GeneratedBus.Runtime.Tests.Loop;

/// <summary>An event loop whose hooks are settable and which records what happened to it, in order.</summary>
internal sealed class RecordingLoop<TEvent> : EventLoop<TEvent>
{
    private int _onStopCalls;

    public RecordingLoop(string name = "test-loop", ILoggerFactory? loggerFactory = null)
        : base(name, loggerFactory)
    {
    }

    public Action<RecordingLoop<TEvent>>? StartHook { get; init; }

    public Action<RecordingLoop<TEvent>, TEvent>? ReceiveHook { get; init; }

    public Action<RecordingLoop<TEvent>, Exception>? ErrorHook { get; init; }

    public Action<RecordingLoop<TEvent>>? StopHook { get; init; }

    /// <summary>Every hook call, in order: "start", "receive:{e}", "error:{message}", "stop".</summary>
    public ConcurrentQueue<string> Journal { get; } = new();

    public ConcurrentQueue<TEvent> Received { get; } = new();

    public ConcurrentQueue<Exception> Errors { get; } = new();

    public int OnStopCalls => Volatile.Read(ref _onStopCalls);

    /// <summary>Set when OnStop returns.</summary>
    public ManualResetEventSlim Stopped { get; } = new();

    public Thread? StartThread { get; private set; }

    public Thread? ReceiveThread { get; private set; }

    public Thread? ErrorThread { get; private set; }

    public Thread? StopThread { get; private set; }

    /// <summary>What <see cref="EventLoop{TEvent}.DiscardedOnStop"/> said when OnStop ran.</summary>
    public long DiscardedSeenByOnStop { get; private set; } = -1;

    protected override void OnStart()
    {
        StartThread = Thread.CurrentThread;
        Journal.Enqueue("start");
        StartHook?.Invoke(this);
    }

    protected override void OnReceive(TEvent e)
    {
        ReceiveThread = Thread.CurrentThread;
        Journal.Enqueue($"receive:{e}");
        Received.Enqueue(e);
        ReceiveHook?.Invoke(this, e);
    }

    protected override void OnError(Exception exception)
    {
        ErrorThread = Thread.CurrentThread;
        Journal.Enqueue($"error:{exception.Message}");
        Errors.Enqueue(exception);
        ErrorHook?.Invoke(this, exception);
    }

    protected override void OnStop()
    {
        StopThread = Thread.CurrentThread;
        DiscardedSeenByOnStop = DiscardedOnStop;
        Journal.Enqueue("stop");
        Interlocked.Increment(ref _onStopCalls);
        try
        {
            StopHook?.Invoke(this);
        }
        finally
        {
            Stopped.Set();
        }
    }
}
