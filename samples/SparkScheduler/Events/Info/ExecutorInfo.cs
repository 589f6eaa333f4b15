using System.Collections.Generic;

namespace SparkScheduler.Events.Info;

/// <summary>An executor as the cluster manager reported it (Spark's <c>ExecutorInfo</c>).</summary>
/// <param name="Host">The node it runs on.</param>
/// <param name="TotalCores">Task slots it offers.</param>
/// <param name="LogUrls">Where its stdout and stderr can be read.</param>
public sealed record ExecutorInfo(string Host, int TotalCores, IReadOnlyDictionary<string, string> LogUrls);
