namespace GeneratedBus.Samples.Tests.Support;

/// <summary>One row of the Listeners section.</summary>
internal sealed record ListenerRow(string Name, long Events, long Failures, double MeanUs, double MaxUs);
