using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Emitting;

/// <summary>The codec's public members: write any event of the bus, read one line.</summary>
internal sealed partial class CodecEmitter
{
    private void WriteEventWriter()
    {
        _writer.WriteLine($$"""
            /// <inheritdoc/>
            public void Write({{Json}}.Utf8JsonWriter writer, {{_root.TypeName}} e)
            {
                if (writer is null)
                {
                    throw new global::System.ArgumentNullException("writer");
                }

            """);
        using (_writer.Indented())
        {
            if (_bus.WritesByKind)
            {
                WriteKindSwitchWriter();
            }
            else
            {
                WriteTypeSwitchWriter();
            }
        }

        _writer.WriteLine("}");
    }

    // A small bus: the event's type picks its case, as the bus's own dispatch does.
    private void WriteTypeSwitchWriter()
    {
        _writer.WriteLine("switch (e)");
        using (_writer.Braces())
        {
            _writer.WriteLine("case null:");
            _writer.WriteLine("    throw new global::System.ArgumentNullException(\"e\");");
            foreach (CodecEventSpec spec in _bus.Events.Where(e => e.CanRead))
            {
                _writer.WriteLine($"case {spec.TypeName} typed:");
                using (_writer.Indented())
                {
                    WriteEventObject(spec, "typed");
                }
            }

            WriteUnwritable();
        }
    }

    // A larger bus: the dispatcher's KindOf (a hash of the type, and null rejected) picks the case, so the writer
    // costs the same for every event instead of one type test per event declared before it. The kind is the exact
    // type's or its nearest handled base's, so the cast cannot fail.
    private void WriteKindSwitchWriter()
    {
        _writer.WriteLine($"switch ({_root.GeneratedPrefix}{_root.DispatcherName}.KindOf(e))");
        using (_writer.Braces())
        {
            for (int i = 0; i < _bus.Events.Count; i++)
            {
                CodecEventSpec spec = _bus.Events[i];
                if (spec.CanRead)
                {
                    _writer.WriteLine($"case {_root.GeneratedPrefix}{_root.KindName}.{_bus.KindNames[i]}:");
                    using (_writer.Indented())
                    {
                        WriteEventObject(spec, $"({spec.TypeName})e");
                    }
                }
            }

            WriteUnwritable();
        }
    }

    private void WriteEventObject(CodecEventSpec spec, string typed)
    {
        _writer.WriteLine($"""
            writer.WriteStartObject();
            writer.WriteString({Support}.EventProperty, {EncodedName(spec.WrittenName)});
            WriteMembers{_shapeIndex[spec.TypeName]}(writer, {typed});
            writer.WriteEndObject();
            return;
            """);
    }

    private void WriteUnwritable()
    {
        _writer.WriteLine("default:");
        _writer.WriteLine($"    throw new global::System.ArgumentException(\"'\" + e.GetType() + \"' is no [BusEvent] type the codec of {_root.BusTypeName} can write.\", \"e\");");
    }

    // Each name the reader accepts, paired with its event's case.
    private static KeyValuePair<string, int>[] EventNames(CodecReadName[] readable)
    {
        int count = 0;
        foreach (CodecReadName read in readable)
        {
            count += read.Names.Count;
        }

        var names = new KeyValuePair<string, int>[count];
        int at = 0;
        for (int i = 0; i < readable.Length; i++)
        {
            for (int n = 0; n < readable[i].Names.Count; n++)
            {
                names[at++] = new KeyValuePair<string, int>(readable[i].Names[n], i);
            }
        }

        return names;
    }

    private void WriteEventReader()
    {
        CodecReadName[] readable = _bus.ReadOrder.Where(r => r.Names.Count > 0).ToArray();
        _writer.WriteLine($$"""
            /// <summary>Reads one line (one JSON object, without its line break) with the default limits.</summary>
            /// <param name="utf8Line">The line.</param>
            /// <returns>The event, the unrecognised name, or why the line is malformed.</returns>
            public {{Result}} Read(global::System.ReadOnlySpan<byte> utf8Line) => Read(utf8Line, global::GeneratedBus.EventLog.EventJsonReaderOptions.Default);

            /// <inheritdoc/>
            public {{Result}} Read(global::System.ReadOnlySpan<byte> utf8Line, global::GeneratedBus.EventLog.EventJsonReaderOptions options)
            {
                try
                {
                    {{Json}}.Utf8JsonReader reader = {{Support}}.ReadToEventName(utf8Line, options, out bool eventSeen);
            """);
        using (_writer.Indented())
        using (_writer.Indented())
        {
            if (readable.Length > 0)
            {
                _writer.WriteLine($$"""
                    int kind = MatchEvent(ref reader);
                    if (kind >= 0 && !eventSeen)
                    {
                        // "Event" is not first: read the members from the object's start, those before it too.
                        reader = {{Support}}.ReadObjectStart(utf8Line, options);
                    }

                    switch (kind)
                    """);
                using (_writer.Braces())
                {
                    // Each read name's event by type, the first of a name if two share it: a search of the events per
                    // name was quadratic, half a million comparisons for 1,000 events.
                    var byType = new Dictionary<string, CodecEventSpec>(System.StringComparer.Ordinal);
                    foreach (CodecEventSpec spec in _bus.Events)
                    {
                        if (!byType.ContainsKey(spec.TypeName))
                        {
                            byType.Add(spec.TypeName, spec);
                        }
                    }

                    for (int i = 0; i < readable.Length; i++)
                    {
                        CodecEventSpec spec = byType[readable[i].TypeName];
                        _writer.WriteLine($"case {i}:");
                        using (_writer.Braces())
                        {
                            if (spec.CanRead)
                            {
                                _writer.WriteLine($"""
                                    {spec.TypeName} read = ReadBody{_shapeIndex[spec.TypeName]}(ref reader, true, eventSeen);
                                    {Support}.ReadToEnd(ref reader);
                                    return {Result}.Ok(read);
                                    """);
                            }
                            else
                            {
                                string reason = SymbolDisplay.FormatLiteral($"'{spec.WrittenName}' names an event the codec cannot construct (GB0019).", quote: true);
                                _writer.WriteLine($"return {Result}.Malformed({reason});");
                            }
                        }
                    }
                }

                _writer.WriteLine();
            }

            _writer.WriteLine($"""
                string unrecognised = reader.GetString()!;
                {Support}.ReadToEnd(ref reader);
                return {Result}.Unrecognised(unrecognised);
                """);
        }

        _writer.WriteLine($$"""
                }
                catch (global::System.Exception exception) when ({{Support}}.IsDataError(exception))
                {
                    return {{Result}}.Malformed({{Support}}.Describe(exception));
                }
            }
            """);
        if (readable.Length > 0)
        {
            _writer.WriteLine();
            WriteMatcher("MatchEvent", EventNames(readable));
        }
    }
}
