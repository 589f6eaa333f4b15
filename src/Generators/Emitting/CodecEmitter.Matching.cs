using System.Collections.Generic;
using System.Text;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// Name matchers for the reader: which member (or event) a property name (or <c>"Event"</c> value) is, as an index.
/// An unescaped name is switched on by its length in bytes, then compared byte for byte, so a name costs about one
/// comparison however many members the type has, where a chain of <c>ValueTextEquals</c> cost one per member before it.
/// An escaped name (writers escape no letter or digit, so it is rare) is compared through <c>ValueTextEquals</c>.
/// </summary>
internal sealed partial class CodecEmitter
{
    private const string Span = "global::System.ReadOnlySpan<byte>";

    /// <summary>
    /// Writes <c>private static int {method}(ref Utf8JsonReader reader)</c>: the result paired with the first of
    /// <paramref name="names"/> that the current token's text equals, or -1.
    /// </summary>
    private void WriteMatcher(string method, KeyValuePair<string, int>[] names)
    {
        _writer.WriteLine($"private static int {method}({Reader})");
        using (_writer.Braces())
        {
            _writer.WriteLine("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
            using (_writer.Braces())
            {
                _writer.WriteLine($"{Span} name = reader.ValueSpan;");
                _writer.WriteLine("switch (name.Length)");
                using (_writer.Braces())
                {
                    // Each name's place under its length in bytes, sorted as one number: the cases in ascending length,
                    // each with its names in the order given. First come, first matched, as the chain it replaces: a
                    // name given twice keeps its first result. (Not LINQ's GroupBy and OrderBy: over these pairs, a
                    // cold process compiles each of their generic types afresh.)
                    long[] order = new long[names.Length];
                    for (int i = 0; i < names.Length; i++)
                    {
                        order[i] = ((long)Encoding.UTF8.GetByteCount(names[i].Key) << 32) | (uint)i;
                    }

                    System.Array.Sort(order);
                    int next = 0;
                    while (next < order.Length)
                    {
                        int length = (int)(order[next] >> 32);
                        _writer.WriteLine($"case {length}:");
                        using (_writer.Indented())
                        {
                            for (; next < order.Length && (int)(order[next] >> 32) == length; next++)
                            {
                                KeyValuePair<string, int> name = names[(int)order[next]];
                                _writer.WriteLine($"if (global::System.MemoryExtensions.SequenceEqual(name, {Utf8Name(name.Key)}))");
                                using (_writer.Braces())
                                {
                                    _writer.WriteLine($"return {name.Value};");
                                }

                                _writer.WriteLine();
                            }

                            _writer.WriteLine("return -1;");
                        }
                    }

                    _writer.WriteLine("default:");
                    _writer.WriteLine("    return -1;");
                }
            }

            _writer.WriteLine();
            foreach (KeyValuePair<string, int> name in names)
            {
                _writer.WriteLine($"if (reader.ValueTextEquals({Utf8Name(name.Key)}))");
                using (_writer.Braces())
                {
                    _writer.WriteLine($"return {name.Value};");
                }

                _writer.WriteLine();
            }

            _writer.WriteLine("return -1;");
        }
    }
}
