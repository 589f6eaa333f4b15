using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>Compares JSON as values, not text: numbers by value, objects by their members whatever their order.</summary>
internal static class JsonValues
{
    /// <summary>Where <paramref name="actual"/> differs from <paramref name="expected"/>, as paths; empty when equal.</summary>
    public static List<string> Differences(JsonElement expected, JsonElement actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonElement e, JsonElement a, string path, List<string> differences)
    {
        if (e.ValueKind != a.ValueKind && !(IsBool(e) && IsBool(a)))
        {
            differences.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var names = e.EnumerateObject().Select(p => p.Name).Union(a.EnumerateObject().Select(p => p.Name)).ToArray();
                foreach (string name in names)
                {
                    bool inE = e.TryGetProperty(name, out JsonElement ev), inA = a.TryGetProperty(name, out JsonElement av);
                    if (inE != inA)
                    {
                        differences.Add($"{path}.{name}: {(inE ? "missing" : "unexpected")}");
                    }
                    else
                    {
                        Compare(ev, av, $"{path}.{name}", differences);
                    }
                }

                break;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                {
                    differences.Add($"{path}: expected {e.GetArrayLength()} elements, got {a.GetArrayLength()}");
                    break;
                }

                int i = 0;
                foreach ((JsonElement ei, JsonElement ai) in e.EnumerateArray().Zip(a.EnumerateArray()))
                {
                    Compare(ei, ai, $"{path}[{i++}]", differences);
                }

                break;
            case JsonValueKind.Number:
                if (e.GetDecimal() != a.GetDecimal())
                {
                    differences.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(e.GetString(), a.GetString(), StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                }

                break;
            default:
                if (e.ValueKind != a.ValueKind)
                {
                    differences.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                }

                break;
        }
    }

    private static bool IsBool(JsonElement x) => x.ValueKind is JsonValueKind.True or JsonValueKind.False;
}
