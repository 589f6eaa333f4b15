namespace SparkScheduler.Redis;

/// <summary>What <c>history</c> did with its consumer group once it had read the run.</summary>
internal enum GroupFate
{
    /// <summary>Left on the stream: the run did not end, or the group did not balance, so its pending entries are evidence.</summary>
    Kept,

    /// <summary>Deleted (<c>XGROUP DESTROY</c>): everything the run appended was acknowledged in it.</summary>
    Removed,

    /// <summary>Balanced, but Redis could not be reached to delete it: it is left on the stream.</summary>
    RemovalFailed,
}
