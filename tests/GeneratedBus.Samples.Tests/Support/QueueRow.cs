namespace GeneratedBus.Samples.Tests.Support;

/// <summary>One row of the Queues section.</summary>
internal sealed record QueueRow(string Name, long Capacity, long Posted, long Processed, long Dropped, long Waits, long WaitedMs, long Skipped);
