using System;
using System.Collections.Generic;
using GeneratedBus;

namespace SparkStreaming;

/// <summary>
/// Wires one run, like Spark's <c>StreamingContext</c>: the main bus with its listeners, the streaming bus bridged
/// onto the main bus's <c>appStatus</c> queue, and the streaming listeners. Add more listeners before <see cref="Run"/>.
/// </summary>
public sealed class StreamingContext : IDisposable
{
    /// <summary>Builds the buses and listeners for the run <paramref name="options"/> describe.</summary>
    /// <param name="options">Batches and seed.</param>
    public StreamingContext(StreamingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Batches = BatchPlan.Create(options.Batches, options.Seed);

        // The simulator posts the whole run in one burst, where a live application posts a few events per batch
        // interval. Room for all of it keeps this demo lossless; a drop would still be counted, never silent.
        int capacity = Math.Max(new BusOptions().QueueCapacity, SimulatedJobScheduler.EventsPosted(Batches));
        SparkBus = new SparkBus(new BusOptions { QueueCapacity = capacity });
        SparkBus.AddToQueue(AppStatus, StreamingBridge.StatusQueue);
        SparkBus.AddToSharedQueue(MainBusCounter);

        Streaming = new StreamingListenerBus();
        Streaming.AddListener(Progress);
        Bridge = new StreamingBridge(SparkBus, Streaming);
    }

    /// <summary>The simulated batches, as they complete.</summary>
    public IReadOnlyList<BatchInfo> Batches { get; }

    /// <summary>The main bus.</summary>
    public SparkBus SparkBus { get; }

    /// <summary>The streaming listeners' bus: the generated synchronous bus, fed by <see cref="Bridge"/>.</summary>
    public StreamingListenerBus Streaming { get; }

    /// <summary>Posts streaming events through the main bus and delivers them to <see cref="Streaming"/>.</summary>
    public StreamingBridge Bridge { get; }

    /// <summary>The main bus's job tracker, on <c>appStatus</c>.</summary>
    public AppStatusListener AppStatus { get; } = new();

    /// <summary>The main bus's event counter, on the shared queue.</summary>
    public MainBusCounter MainBusCounter { get; } = new();

    /// <summary>The streaming progress listener.</summary>
    public StreamingJobProgressListener Progress { get; } = new();

    /// <summary>
    /// Starts both buses, posts the whole run and stops the main bus, which waits until every queue delivered what it
    /// accepted: after this returns, every listener has seen every event and may be read from this thread.
    /// </summary>
    public void Run()
    {
        Bridge.Start();
        SparkBus.Start();
        SimulatedJobScheduler.Replay(Batches, SparkBus, Bridge);
        SparkBus.Stop();
    }

    /// <inheritdoc/>
    public void Dispose() => SparkBus.Dispose();
}
