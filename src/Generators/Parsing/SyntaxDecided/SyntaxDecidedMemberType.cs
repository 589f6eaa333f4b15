using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// A positional member's type the codec writes as a primitive, spelled by a keyword (<c>int</c>, <c>string</c>, ...),
/// naming a <c>System</c> type (<c>DateTimeOffset</c>, <c>System.Guid</c>, ...), or either of those value types made
/// nullable (<c>int?</c>): the codec type and requiredness <see cref="CodecParser"/> gives its symbol, without binding it.
/// </summary>
internal static class SyntaxDecidedMemberType
{
    /// <summary>
    /// The codec type of <paramref name="type"/> and whether a JSON line must carry it (a non-nullable reference
    /// without a default), or <see langword="null"/> when syntax cannot say.
    /// </summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="annotationsEnabled">Whether nullable annotations are enabled there.</param>
    /// <param name="ns">The namespace the event is declared in.</param>
    /// <param name="importsSystem">Whether the file, or any file globally, imports <c>System</c>.</param>
    /// <param name="scope">The compilation's scope: every type named must be referenced once, and not declared in source.</param>
    public static (CodecType Codec, bool Required)? Of(TypeSyntax? type, bool annotationsEnabled, string ns, bool importsSystem, SyntaxDecidedScope scope)
    {
        if (type is NullableTypeSyntax { ElementType: var element })
        {
            if (element is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword })
            {
                // Outside an annotation context '?' on a reference is a warning whose symbol the compiler's path should read.
                return annotationsEnabled && Primitive(element, ns, importsSystem, scope) is { } reference
                    ? (CodecParser.SimpleType(reference.Kind, reference.TypeName, allowsNull: true), false)
                    : null;
            }

            return Primitive(element, ns, importsSystem, scope) is { } value && scope.HasCoreType("System.Nullable`1")
                ? (CodecParser.NullableOf(CodecParser.SimpleType(value.Kind, value.TypeName, allowsNull: false)), false)
                : null;
        }

        if (Primitive(type, ns, importsSystem, scope) is not { } primitive)
        {
            return null;
        }

        // A reference is nullable unless annotated as not: 'string' with annotations off is oblivious, and may be null.
        bool isString = primitive.Kind == CodecKind.String;
        return (CodecParser.SimpleType(primitive.Kind, primitive.TypeName, allowsNull: isString && !annotationsEnabled), isString && annotationsEnabled);
    }

    // A keyword or a System type by name, referenced once and not declared in source; its kind and its name in code.
    private static (CodecKind Kind, string TypeName)? Primitive(TypeSyntax? type, string ns, bool importsSystem, SyntaxDecidedScope scope)
    {
        CodecKind? kind = type switch
        {
            PredefinedTypeSyntax keyword => KeywordKind(keyword.Keyword.Kind()),
            _ => SystemTypeKind(type, ns, importsSystem, scope),
        };
        return kind is { } found && scope.HasCoreType(MetadataNameOf(found)) ? (found, CodecTypeNames.OfPrimitive(found)!) : null;
    }

    private static CodecKind? KeywordKind(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.StringKeyword => CodecKind.String,
        SyntaxKind.BoolKeyword => CodecKind.Boolean,
        SyntaxKind.ByteKeyword => CodecKind.Byte,
        SyntaxKind.SByteKeyword => CodecKind.SByte,
        SyntaxKind.ShortKeyword => CodecKind.Int16,
        SyntaxKind.UShortKeyword => CodecKind.UInt16,
        SyntaxKind.IntKeyword => CodecKind.Int32,
        SyntaxKind.UIntKeyword => CodecKind.UInt32,
        SyntaxKind.LongKeyword => CodecKind.Int64,
        SyntaxKind.ULongKeyword => CodecKind.UInt64,
        SyntaxKind.FloatKeyword => CodecKind.Single,
        SyntaxKind.DoubleKeyword => CodecKind.Double,
        SyntaxKind.DecimalKeyword => CodecKind.Decimal,
        _ => null,
    };

    // One of WatchedNames.SystemTypes, named so that C# can only find System's: global::System.Guid; System.Guid where
    // nothing else is named System on the way; Guid in a file that imports System, where nothing else is named Guid
    // (SyntaxDecidedScope.SimpleNameFindsSystemType).
    private static CodecKind? SystemTypeKind(TypeSyntax? type, string ns, bool importsSystem, SyntaxDecidedScope scope)
    {
        SyntaxToken name;
        switch (type)
        {
            case IdentifierNameSyntax simple when importsSystem && WatchedNames.IsOneOf(WatchedNames.SystemTypes, simple.Identifier.ValueText)
                && scope.SimpleNameFindsSystemType(simple.Identifier.ValueText, ns):
                name = simple.Identifier;
                break;
            case QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" } left, Right: IdentifierNameSyntax right }
                when PlainNames.IsPlain(left.Identifier) && scope.QualifiedSystemFoundFrom(ns):
                name = right.Identifier;
                break;
            case QualifiedNameSyntax { Left: AliasQualifiedNameSyntax { Alias.Identifier: var alias, Name: IdentifierNameSyntax { Identifier.ValueText: "System" } }, Right: IdentifierNameSyntax right }
                when alias.IsKind(SyntaxKind.GlobalKeyword):
                name = right.Identifier;
                break;
            default:
                return null;
        }

        return PlainNames.IsPlain(name) ? WatchedNames.SystemTypeKind(name.ValueText) : null;
    }

    private static string MetadataNameOf(CodecKind kind) => kind switch
    {
        CodecKind.String => "System.String",
        CodecKind.Boolean => "System.Boolean",
        CodecKind.Byte => "System.Byte",
        CodecKind.SByte => "System.SByte",
        CodecKind.Int16 => "System.Int16",
        CodecKind.UInt16 => "System.UInt16",
        CodecKind.Int32 => "System.Int32",
        CodecKind.UInt32 => "System.UInt32",
        CodecKind.Int64 => "System.Int64",
        CodecKind.UInt64 => "System.UInt64",
        CodecKind.Single => "System.Single",
        CodecKind.Double => "System.Double",
        CodecKind.Decimal => "System.Decimal",
        CodecKind.DateTime => "System.DateTime",
        CodecKind.DateTimeOffset => "System.DateTimeOffset",
        CodecKind.TimeSpan => "System.TimeSpan",
        CodecKind.Guid => "System.Guid",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Not a primitive the syntax path names."),
    };
}
