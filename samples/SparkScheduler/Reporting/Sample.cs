using System.Collections.Generic;

namespace SparkScheduler.Reporting;

/// <summary>One queue at one moment.</summary>
internal readonly record struct QueueSample(int Size, long Posted, long Dropped);

/// <summary>The bus at one moment of the run: what the progress line shows and the report charts.</summary>
/// <param name="ElapsedMs">Real milliseconds since the run started.</param>
/// <param name="EventsPosted">Events posted so far.</param>
/// <param name="Queues">Each queue by name.</param>
/// <param name="ListenerMs">Milliseconds each listener type has spent in its handlers so far, by type name.</param>
internal sealed record Sample(
    double ElapsedMs,
    long EventsPosted,
    IReadOnlyDictionary<string, QueueSample> Queues,
    IReadOnlyDictionary<string, double> ListenerMs);
