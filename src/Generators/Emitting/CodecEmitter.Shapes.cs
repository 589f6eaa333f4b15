using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Emitting;

/// <summary>Per event or nested type: a writer of its members and a reader of its object.</summary>
internal sealed partial class CodecEmitter
{
    private void WriteShapeWriter(int index)
    {
        CodecShape shape = _shapes[index];
        _writer.WriteLine($"private static void WriteMembers{index}({Json}.Utf8JsonWriter writer, {shape.TypeName} value)");
        using (_writer.Braces())
        {
            foreach (CodecMember member in shape.Members.Where(m => m.Type is not null))
            {
                _writer.WriteLine($"writer.WritePropertyName({EncodedName(member.JsonName)});");
                _writer.WriteLine(WriteValue(member.Type!, "value." + member.PropertyName));
            }
        }
    }

    // Reads the members up to the object's end: from its start, or, for an event, from after its "Event" property.
    private void WriteShapeReader(int index)
    {
        CodecShape shape = _shapes[index];
        CodecMember[] read = shape.Members.Where(m => m.Type is not null).ToArray();
        _writer.WriteLine($"private static {shape.TypeName} ReadBody{index}({Reader}, bool topLevel, bool eventSeen)");
        using (_writer.Braces())
        {
            for (int i = 0; i < read.Length; i++)
            {
                _writer.WriteLine($"{CodecTypeNames.Declared(read[i].Type!)} v{i} = default!;");
                _writer.WriteLine($"bool h{i} = false;");
            }

            _writer.WriteLine("while (true)");
            using (_writer.Braces())
            {
                _writer.WriteLine($$"""
                    {{Support}}.Next(ref reader);
                    if (reader.TokenType == {{Json}}.JsonTokenType.EndObject)
                    {
                        break;
                    }

                    """);
                if (read.Length > 0)
                {
                    _writer.WriteLine($"switch (MatchMember{index}(ref reader))");
                    using (_writer.Braces())
                    {
                        for (int i = 0; i < read.Length; i++)
                        {
                            string name = SymbolDisplay.FormatLiteral(read[i].JsonName, quote: true);
                            _writer.WriteLine($$"""
                                case {{i}}:
                                    if (h{{i}})
                                    {
                                        throw {{Support}}.Duplicate({{name}});
                                    }

                                    h{{i}} = true;
                                    {{Support}}.Next(ref reader);
                                    v{{i}} = {{ReadValue(read[i].Type!, read[i].JsonName)}};
                                    continue;
                                """);
                        }
                    }

                    _writer.WriteLine();
                }

                _writer.WriteLine($$"""
                    if (topLevel && reader.ValueTextEquals({{Support}}.EventPropertyUtf8))
                    {
                        if (eventSeen)
                        {
                            throw {{Support}}.Duplicate("Event");
                        }

                        eventSeen = true;
                    }

                    {{Support}}.SkipValue(ref reader);
                    """);
            }

            _writer.WriteLine();
            string display = SymbolDisplay.FormatLiteral(shape.DisplayName, quote: true);
            for (int i = 0; i < read.Length; i++)
            {
                if (read[i].IsRequired)
                {
                    _writer.WriteLine($"if (!h{i})");
                    using (_writer.Braces())
                    {
                        _writer.WriteLine($"throw {Support}.Missing({SymbolDisplay.FormatLiteral(read[i].JsonName, quote: true)}, {display});");
                    }

                    _writer.WriteLine();
                }
            }

            WriteConstruction(shape, read);
        }

        if (read.Length > 0)
        {
            _writer.WriteLine();
            var names = new KeyValuePair<string, int>[read.Length];
            for (int i = 0; i < read.Length; i++)
            {
                names[i] = new KeyValuePair<string, int>(read[i].JsonName, i);
            }

            WriteMatcher("MatchMember" + index, names);
        }
    }

    private void WriteConstruction(CodecShape shape, CodecMember[] read)
    {
        // '!' on references: a required one was checked above, and an optional one's declaration allows null (even where
        // this file, nullable-enabled, spells an oblivious type argument as non-nullable).
        string Local(CodecMember member) => "v" + System.Array.IndexOf(read, member) + (member.Type!.IsReference ? "!" : string.Empty);
        string Has(CodecMember member) => "h" + System.Array.IndexOf(read, member);

        var arguments = new List<string>(shape.ParameterDefaults);
        foreach (CodecMember member in shape.Members.Where(m => m.Setter == CodecSetter.Constructor && m.Type is not null))
        {
            arguments[member.ParameterIndex] = member.DefaultValue is { } fallback ? $"{Has(member)} ? {Local(member)} : {fallback}" : Local(member);
        }

        string[] initializers = shape.Members
            .Where(m => m.Setter == CodecSetter.Initializer)
            .Select(m => $"{m.PropertyName} = {(m.Type is null ? "default!" : Local(m))},")
            .ToArray();
        string construction = shape.IsTuple
            ? $"{shape.TypeName} result = ({string.Join(", ", arguments)})"
            : $"{shape.TypeName} result = new {shape.TypeName}({string.Join(", ", arguments)})";
        if (initializers.Length > 0)
        {
            _writer.WriteLine(construction);
            _writer.WriteLine("{");
            using (_writer.Indented())
            {
                foreach (string initializer in initializers)
                {
                    _writer.WriteLine(initializer);
                }
            }

            _writer.WriteLine("};");
        }
        else
        {
            _writer.WriteLine(construction + ";");
        }

        foreach (CodecMember member in read.Where(m => m.Setter is CodecSetter.Assignment or CodecSetter.With))
        {
            _writer.WriteLine($"if ({Has(member)})");
            using (_writer.Braces())
            {
                _writer.WriteLine(member.Setter == CodecSetter.Assignment
                    ? $"result.{member.PropertyName} = {Local(member)};"
                    : $"result = result with {{ {member.PropertyName} = {Local(member)} }};");
            }
        }

        _writer.WriteLine("return result;");
    }
}
