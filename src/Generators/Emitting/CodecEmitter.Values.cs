using System.Linq;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// Values: the primitives inline through <c>EventJson</c>'s range-checked readers, everything else through a helper
/// per type (an enum's names, a collection's loop, a nullable's null, a nested object's reader).
/// </summary>
internal sealed partial class CodecEmitter
{
    // The statement that writes 'value' (an expression without side effects).
    private string WriteValue(CodecType type, string value) => type.Kind switch
    {
        CodecKind.String => $"writer.WriteStringValue({value});",
        CodecKind.Boolean => $"writer.WriteBooleanValue({value});",
        CodecKind.Byte or CodecKind.SByte or CodecKind.Int16 or CodecKind.UInt16 or CodecKind.Int32 => $"writer.WriteNumberValue((int){value});",
        CodecKind.UInt32 => $"writer.WriteNumberValue((uint){value});",
        CodecKind.Int64 => $"writer.WriteNumberValue((long){value});",
        CodecKind.UInt64 => $"writer.WriteNumberValue((ulong){value});",
        CodecKind.Decimal => $"writer.WriteNumberValue((decimal){value});",
        CodecKind.Single => $"{Support}.WriteSingle(writer, {value});",
        CodecKind.Double => $"{Support}.WriteDouble(writer, {value});",
        CodecKind.DateTime or CodecKind.DateTimeOffset or CodecKind.Guid => $"writer.WriteStringValue({value});",
        CodecKind.TimeSpan => $"{Support}.WriteTimeSpan(writer, {value});",
        _ => $"Write{HelperIndex(type)}(writer, {value});",
    };

    // The expression that reads the current token as 'type'; 'what' names it in errors.
    private string ReadValue(CodecType type, string what)
    {
        string read = type.Kind switch
        {
            CodecKind.String or CodecKind.Boolean or CodecKind.Byte or CodecKind.SByte or CodecKind.Int16 or CodecKind.UInt16
                or CodecKind.Int32 or CodecKind.UInt32 or CodecKind.Int64 or CodecKind.UInt64 or CodecKind.Single
                or CodecKind.Double or CodecKind.Decimal or CodecKind.DateTime or CodecKind.DateTimeOffset
                or CodecKind.TimeSpan or CodecKind.Guid => $"{Support}.Read{type.Kind}(ref reader)",
            _ => $"Read{HelperIndex(type)}(ref reader)",
        };
        return type.IsReference && !type.AllowsNull
            ? $"({read} ?? throw {Support}.NullFor({SymbolDisplay.FormatLiteral(what, quote: true)}))"
            : read;
    }

    // Helpers take and return the nullable form of a reference type; call sites that forbid null check it.
    private static string HelperType(CodecType type) => type.IsReference ? type.TypeName + "?" : type.TypeName;

    private void WriteHelperWriter(int index, CodecType type)
    {
        _writer.WriteLine($"private static void Write{index}({Json}.Utf8JsonWriter writer, {HelperType(type)} value)");
        using (_writer.Braces())
        {
            if (type.IsReference)
            {
                _writer.WriteLine("""
                    if (value is null)
                    {
                        writer.WriteNullValue();
                        return;
                    }

                    """);
            }

            switch (type.Kind)
            {
                case CodecKind.Enum:
                    WriteEnumWriter(type);
                    break;
                case CodecKind.Nullable:
                    _writer.WriteLine("if (!value.HasValue)");
                    using (_writer.Braces())
                    {
                        _writer.WriteLine("writer.WriteNullValue();");
                        _writer.WriteLine("return;");
                    }

                    _writer.WriteLine();
                    _writer.WriteLine(WriteValue(type.Element!, "value.GetValueOrDefault()"));
                    break;
                case CodecKind.Array or CodecKind.List:
                    WriteListWriter(type);
                    break;
                case CodecKind.Dictionary:
                    WriteDictionaryWriter(type);
                    break;
                default:
                    _writer.WriteLine("writer.WriteStartObject();");
                    _writer.WriteLine($"WriteMembers{_shapeIndex[type.TypeName]}(writer, value);");
                    _writer.WriteLine("writer.WriteEndObject();");
                    break;
            }
        }
    }

    // A Dictionary is enumerated through its struct enumerator: an interface's would allocate one per event.
    private void WriteDictionaryWriter(CodecType type)
    {
        string value = CodecTypeNames.Declared(type.Element!);
        string pair = $"global::System.Collections.Generic.KeyValuePair<string, {value}>";
        _writer.WriteLine("writer.WriteStartObject();");
        if (type.IsInterface)
        {
            _writer.WriteLine($"if (value is global::System.Collections.Generic.Dictionary<string, {value}> concrete)");
            using (_writer.Braces())
            {
                WritePairs(pair, "concrete", type.Element!);
            }

            _writer.WriteLine("else");
            using (_writer.Braces())
            {
                WritePairs(pair, "value", type.Element!);
            }
        }
        else
        {
            WritePairs(pair, "value", type.Element!);
        }

        _writer.WriteLine("writer.WriteEndObject();");
    }

    private void WritePairs(string pair, string source, CodecType element)
    {
        _writer.WriteLine($"foreach ({pair} pair in {source})");
        using (_writer.Braces())
        {
            _writer.WriteLine("writer.WritePropertyName(pair.Key);");
            _writer.WriteLine(WriteValue(element, "pair.Value"));
        }
    }

    private void WriteEnumWriter(CodecType type)
    {
        _writer.WriteLine("switch (value)");
        using (_writer.Braces())
        {
            foreach (string name in type.EnumNames)
            {
                _writer.WriteLine($"case {type.TypeName}.{Naming.Escape(name)}:");
                _writer.WriteLine($"    writer.WriteStringValue({EncodedName(name)});");
                _writer.WriteLine("    return;");
            }

            // A value with no name of its own (flags combined, or out of range) is written as its number.
            bool unsigned = type.Element!.Kind is CodecKind.Byte or CodecKind.UInt16 or CodecKind.UInt32 or CodecKind.UInt64;
            _writer.WriteLine("default:");
            _writer.WriteLine($"    writer.WriteNumberValue(({(unsigned ? "ulong" : "long")})value);");
            _writer.WriteLine("    return;");
        }
    }

    // Arrays and indexable lists by index, so writing allocates no enumerator; other collections by foreach.
    private void WriteListWriter(CodecType type)
    {
        string element = CodecTypeNames.Declared(type.Element!);
        bool indexable = type.Kind == CodecKind.Array
            || new[] { "List<", "IReadOnlyList<", "IList<" }.Any(d => type.TypeName.StartsWith("global::System.Collections.Generic." + d, System.StringComparison.Ordinal));
        _writer.WriteLine("writer.WriteStartArray();");
        if (indexable)
        {
            _writer.WriteLine($"for (int i = 0; i < value.{(type.Kind == CodecKind.Array ? "Length" : "Count")}; i++)");
            using (_writer.Braces())
            {
                _writer.WriteLine(WriteValue(type.Element!, "value[i]"));
            }
        }
        else
        {
            _writer.WriteLine($"foreach ({element} item in value)");
            using (_writer.Braces())
            {
                _writer.WriteLine(WriteValue(type.Element!, "item"));
            }
        }

        _writer.WriteLine("writer.WriteEndArray();");
    }

    private void WriteHelperReader(int index, CodecType type)
    {
        _writer.WriteLine($"private static {HelperType(type)} Read{index}({Reader})");
        using (_writer.Braces())
        {
            if (type.IsReference || type.Kind == CodecKind.Nullable)
            {
                _writer.WriteLine($$"""
                    if (reader.TokenType == {{Json}}.JsonTokenType.Null)
                    {
                        return null;
                    }

                    """);
            }

            switch (type.Kind)
            {
                case CodecKind.Enum:
                    WriteEnumReader(type);
                    break;
                case CodecKind.Nullable:
                    _writer.WriteLine($"return {ReadValue(type.Element!, "a nullable value")};");
                    break;
                case CodecKind.Array or CodecKind.List:
                    WriteListReader(type);
                    break;
                case CodecKind.Dictionary:
                    WriteDictionaryReader(type);
                    break;
                default:
                    string display = SymbolDisplay.FormatLiteral(_shapes[_shapeIndex[type.TypeName]].DisplayName, quote: true);
                    _writer.WriteLine($"{Support}.ExpectObject(ref reader, {display});");
                    _writer.WriteLine($"return ReadBody{_shapeIndex[type.TypeName]}(ref reader, false, false);");
                    break;
            }
        }
    }

    private void WriteEnumReader(CodecType type)
    {
        _writer.WriteLine($"if (reader.TokenType == {Json}.JsonTokenType.String)");
        using (_writer.Braces())
        {
            foreach (string name in type.EnumNames)
            {
                _writer.WriteLine($"if (reader.ValueTextEquals({Utf8Name(name)}))");
                using (_writer.Braces())
                {
                    _writer.WriteLine($"return {type.TypeName}.{Naming.Escape(name)};");
                }

                _writer.WriteLine();
            }

            _writer.WriteLine($"throw {Support}.UnknownEnumName({SymbolDisplay.FormatLiteral(type.TypeName.Replace("global::", string.Empty), quote: true)}, ref reader);");
        }

        _writer.WriteLine();
        _writer.WriteLine($"return ({type.TypeName}){Support}.Read{type.Element!.Kind}(ref reader);");
    }

    private void WriteListReader(CodecType type)
    {
        string element = CodecTypeNames.Declared(type.Element!);
        _writer.WriteLine($$"""
            {{Support}}.ExpectArray(ref reader);
            var items = new global::System.Collections.Generic.List<{{element}}>();
            while (true)
            {
                {{Support}}.Next(ref reader);
                if (reader.TokenType == {{Json}}.JsonTokenType.EndArray)
                {
                    break;
                }

                items.Add({{ReadValue(type.Element!, "an element")}});
            }

            return {{(type.Kind == CodecKind.Array ? "items.ToArray()" : "items")}};
            """);
    }

    private void WriteDictionaryReader(CodecType type)
    {
        string value = CodecTypeNames.Declared(type.Element!);
        _writer.WriteLine($$"""
            {{Support}}.ExpectObject(ref reader, "a dictionary");
            var items = new global::System.Collections.Generic.Dictionary<string, {{value}}>();
            while (true)
            {
                {{Support}}.Next(ref reader);
                if (reader.TokenType == {{Json}}.JsonTokenType.EndObject)
                {
                    break;
                }

                string key = reader.GetString()!;
                {{Support}}.Next(ref reader);
                if (!items.TryAdd(key, {{ReadValue(type.Element!, "a dictionary value")}}))
                {
                    throw {{Support}}.Duplicate(key);
                }
            }

            return items;
            """);
    }
}
