using SparkScheduler.Listeners;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Redis;

/// <summary>What <c>history</c> read from the run's stream.</summary>
/// <param name="Ended">Whether the run ended and the stream was drained before the timeout.</param>
/// <param name="Store">What the History Server would answer for the run.</param>
/// <param name="Status">The listener's "App status" summary, as the run prints it.</param>
/// <param name="Balance">The bridge line.</param>
/// <param name="ListenerFailures">Events the listeners threw on (counted by the local bus): the answers would be incomplete.</param>
/// <param name="Group">What became of history's consumer group on the stream.</param>
internal sealed record HistoryResult(bool Ended, AppStatusStore Store, AppStatusSummary Status, HistoryBalance Balance, long ListenerFailures, GroupFate Group);
