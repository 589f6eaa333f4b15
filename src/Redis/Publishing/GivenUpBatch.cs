using StackExchange.Redis;

namespace GeneratedBus.Redis.Publishing;

/// <summary>What the server said, as far as the publisher knows, about a batch still in flight when <c>Dispose</c> gives up.</summary>
internal enum GivenUpOutcome
{
    /// <summary>A call of it was never answered (pending, or lost on the connection): the stream may hold its events or not.</summary>
    Unconfirmed,

    /// <summary>Every call of it was answered without appending: refused (an earlier batch not handled) or a server error.</summary>
    NotAppended,

    /// <summary>Answered with its counts, but behind an unsettled batch, so not accounted yet.</summary>
    Answered,
}

/// <summary>Sorts a batch that <c>Dispose</c> gives up on, so that only events the stream may hold are counted unconfirmed.</summary>
internal static class GivenUpBatch
{
    /// <summary>The batch's outcome; <paramref name="counts"/> is its reply when <see cref="GivenUpOutcome.Answered"/>.</summary>
    public static GivenUpOutcome Classify(AppendBatch batch, out RedisResult[]? counts)
    {
        counts = null;
        if (batch.CallLost || !batch.Reply.IsCompleted) return GivenUpOutcome.Unconfirmed;
        if (batch.Reply.IsFaulted)
        {
            // An outage means the call may have run; any other error is the server refusing to run it (a fault).
            return batch.Reply.Exception!.InnerException is { } ex && RedisOutage.IsOutage(ex)
                ? GivenUpOutcome.Unconfirmed : GivenUpOutcome.NotAppended;
        }
        if (batch.Reply.IsCanceled) return GivenUpOutcome.Unconfirmed;
        var reply = (RedisResult[])batch.Reply.Result!;
        if ((long)reply[0] < 0) return GivenUpOutcome.NotAppended; // refused: the script changed nothing
        if ((long)reply[0] + (long)reply[1] + (long)reply[2] != batch.Count) return GivenUpOutcome.Unconfirmed; // unreadable (a Fault already says so)
        counts = reply;
        return GivenUpOutcome.Answered;
    }
}
