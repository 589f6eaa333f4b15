using System.Text.Json;

namespace SparkScheduler.Listeners.AppStatus.Rest;

/// <summary>Small helpers for the REST writers: Spark leaves a field out when its value is absent (Scala's None).</summary>
internal static class RestJson
{
    public static void DateIfAny(Utf8JsonWriter w, string name, long? epochMs)
    {
        if (epochMs is { } ms)
        {
            w.WriteString(name, SparkDates.Format(ms));
        }
    }

    public static void StringIfAny(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static void Counts(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, int>> counts)
    {
        w.WriteStartObject(name);
        foreach ((string key, int count) in counts)
        {
            w.WriteNumber(key, count);
        }

        w.WriteEndObject();
    }
}
