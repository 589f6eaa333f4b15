using System;
using GeneratedBus.Redis;
using SparkScheduler.Cli;
using StackExchange.Redis;

namespace SparkScheduler.Redis;

/// <summary>
/// The stream one run of the main job publishes to and <c>history</c> reads: the package's keys, plus the run's end
/// marker, written by the main job once its publisher has sent everything (same hash tag, so same cluster slot).
/// </summary>
internal sealed class RunStream
{
    /// <summary>The stream both commands use unless <c>--stream</c> names another.</summary>
    public const string DefaultName = "spark-scheduler";

    /// <exception cref="UsageException">The name is empty or holds a brace (it is the keys' hash tag).</exception>
    public RunStream(string name)
    {
        try
        {
            Keys = new RedisStreamKeys(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--stream: " + e.Message.Split(" (Parameter", 2)[0]);
        }

        End = $"{{{name}}}:run-end";
    }

    /// <summary>The stream, its counters and its de-duplication state.</summary>
    public RedisStreamKeys Keys { get; }

    /// <summary>
    /// A hash the main job writes after its last append: the producer and how many entries it appended. Its presence
    /// says the run has ended, even when the run's <c>SparkListenerApplicationEnd</c> was dropped.
    /// </summary>
    public RedisKey End { get; }

    /// <summary>The stream's name.</summary>
    public string Name => Keys.Name;
}
