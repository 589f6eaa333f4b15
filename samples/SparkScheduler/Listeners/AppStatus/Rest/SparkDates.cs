using System;
using System.Globalization;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>Dates as Spark's REST API writes them: <c>2015-02-03T16:42:59.720GMT</c>, always in UTC.</summary>
internal static class SparkDates
{
    /// <summary><paramref name="epochMs"/> in Spark's REST format.</summary>
    public static string Format(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'GMT'", CultureInfo.InvariantCulture);
}
