namespace SparkScheduler.Listeners;

/// <summary>Simulated durations of a kind of thing, in milliseconds.</summary>
internal readonly record struct Duration(long Count, long Total, long Max)
{
    public double Mean => Count == 0 ? 0 : (double)Total / Count;

    public Duration Add(long ms) => new(Count + 1, Total + ms, ms > Max ? ms : Max);
}
