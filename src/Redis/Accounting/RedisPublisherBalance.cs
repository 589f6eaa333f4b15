namespace GeneratedBus.Redis.Accounting;

/// <summary>Where every event posted to a publisher's queue went.</summary>
/// <param name="Posted">Events the bus offered to the publisher's queue.</param>
/// <param name="Appended">Appended to the stream.</param>
/// <param name="DroppedStreamFull">Dropped by the script: the stream was at capacity.</param>
/// <param name="DroppedUnreachable">Dropped by the full queue while Redis was unreachable, or abandoned at <c>Dispose</c> (never sent, or refused).</param>
/// <param name="Duplicates">Already appended by a call whose reply was lost.</param>
/// <param name="Waiting">Still in the queue or the current batch (0 once the bus stopped and the publisher was disposed).</param>
/// <param name="Unencodable">Dropped because the codec could not write them.</param>
/// <param name="Unconfirmed">Sent, but <c>Dispose</c> gave up before the reply came: the stream may hold them or not (neither appended nor dropped).</param>
public sealed record RedisPublisherBalance(
    long Posted, long Appended, long DroppedStreamFull, long DroppedUnreachable, long Duplicates, long Waiting, long Unencodable,
    long Unconfirmed)
{
    /// <summary>Whether every posted event is accounted for.</summary>
    public bool IsBalanced => Posted == Appended + DroppedStreamFull + DroppedUnreachable + Duplicates + Waiting + Unencodable + Unconfirmed;

    /// <inheritdoc />
    public override string ToString() =>
        $"posted {Posted} = appended {Appended} + dropped (stream full) {DroppedStreamFull} + dropped (unreachable) {DroppedUnreachable}"
        + $" + duplicates {Duplicates} + waiting {Waiting} + unencodable {Unencodable} + unconfirmed {Unconfirmed}: {(IsBalanced ? "balanced" : "NOT BALANCED")}";
}
