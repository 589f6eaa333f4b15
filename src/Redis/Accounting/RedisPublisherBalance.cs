namespace GeneratedBus.Redis.Accounting;

/// <summary>Where every event posted to a publisher's queue went.</summary>
/// <param name="Posted">Events the bus offered to the publisher's queue.</param>
/// <param name="Appended">Appended to the stream.</param>
/// <param name="DroppedStreamFull">Dropped by the script: the stream was at capacity.</param>
/// <param name="DroppedUnreachable">Dropped by the full queue while Redis was unreachable, or abandoned at <c>Dispose</c>.</param>
/// <param name="Duplicates">Already appended by a call whose reply was lost.</param>
/// <param name="Waiting">Still in the queue or the current batch (0 once the bus stopped and the publisher was disposed).</param>
/// <param name="Unencodable">Dropped because the codec could not write them.</param>
public sealed record RedisPublisherBalance(
    long Posted, long Appended, long DroppedStreamFull, long DroppedUnreachable, long Duplicates, long Waiting, long Unencodable)
{
    /// <summary>Whether every posted event is accounted for.</summary>
    public bool IsBalanced => Posted == Appended + DroppedStreamFull + DroppedUnreachable + Duplicates + Waiting + Unencodable;

    /// <inheritdoc />
    public override string ToString() =>
        $"posted {Posted} = appended {Appended} + dropped (stream full) {DroppedStreamFull} + dropped (unreachable) {DroppedUnreachable}"
        + $" + duplicates {Duplicates} + waiting {Waiting} + unencodable {Unencodable}: {(IsBalanced ? "balanced" : "NOT BALANCED")}";
}
