namespace GeneratedBus.Redis.Accounting;

/// <summary>One group's server-side balance: <c>Appended = Acknowledged + Pending + Unread</c>.</summary>
/// <param name="Group">The group.</param>
/// <param name="Acknowledged">Entries the group's consumers acknowledged (counted by the acknowledgement script).</param>
/// <param name="Pending">Entries delivered to a consumer and not yet acknowledged (XPENDING).</param>
/// <param name="Unread">Entries not yet delivered to the group (XINFO GROUPS' lag, or counted after its last delivered entry when Redis has no lag).</param>
public sealed record RedisGroupBalance(string Group, long Acknowledged, long Pending, long Unread);
