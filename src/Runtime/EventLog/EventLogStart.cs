namespace GeneratedBus.EventLog;

/// <summary>
/// The first line the writer writes, <c>{"Event":"GeneratedBus.LogStart",...}</c>: what wrote the log. Named apart
/// from any bus event (Spark's own <c>SparkListenerLogStart</c> is a normal event of its bus).
/// </summary>
/// <param name="FormatVersion">The log format's version; <see cref="EventLogFormat.Version"/> for logs written now.</param>
/// <param name="Bus">The bus whose events the log holds.</param>
/// <param name="WriterVersion">The version of the GeneratedBus library that wrote it.</param>
public sealed record EventLogStart(int FormatVersion, string Bus, string WriterVersion);
