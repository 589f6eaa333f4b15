
namespace GeneratedBus.Redis.Accounting;

/// <summary>
/// A publisher's counts, and with its bus queue's stats the balance
/// <c>Posted = Appended + DroppedStreamFull + DroppedUnreachable + Duplicates + Waiting + Unencodable + Unconfirmed</c>.
/// </summary>
/// <param name="Producer">The producer id.</param>
/// <param name="Received">Events the publisher took from its queue.</param>
/// <param name="Appended">Events the script appended.</param>
/// <param name="DroppedStreamFull">Events the script dropped because the stream was at capacity.</param>
/// <param name="Duplicates">Events the script had already handled (a retry it could not match to its last reply).</param>
/// <param name="Abandoned">Events <c>Dispose</c> gave up on that are known not to be in the stream: never sent, or sent in a call the server answered without appending (refused, or an error that is not an outage: <c>Fault</c>).</param>
/// <param name="Batched">Events in the publisher's current batch or in script calls not answered yet.</param>
/// <param name="Retries">Script calls sent again: after a connection failure, or refused for having overtaken an earlier call that failed.</param>
/// <param name="Unencodable">Events the codec could not write (not of the bus's [BusEvent] types): dropped, counted.</param>
/// <param name="Unconfirmed">
/// Events <c>Dispose</c> gave up on that were sent in a script call whose reply never came (Redis paused, the reply
/// lost): the stream may or may not hold them, so they are counted neither as appended nor as dropped.
/// </param>
public sealed record RedisPublisherStats(
    string Producer, long Received, long Appended, long DroppedStreamFull, long Duplicates, long Abandoned, long Batched, long Retries,
    long Unencodable, long Unconfirmed)
{
    /// <summary>The whole balance with the publisher's bus queue: what the application posted and where each event went.</summary>
    /// <param name="queue">The stats of the queue the publisher listens on (from <c>bus.GetStats().Queues[name]</c>).</param>
    public RedisPublisherBalance Balance(QueueStats queue)
    {
        System.ArgumentNullException.ThrowIfNull(queue);
        long waitingInQueue = queue.Posted - queue.Dropped - Received - Unencodable;
        return new RedisPublisherBalance(
            queue.Posted, Appended, DroppedStreamFull, queue.Dropped + Abandoned, Duplicates, waitingInQueue + Batched, Unencodable,
            Unconfirmed);
    }
}
