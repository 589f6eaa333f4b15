using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// A positional member's type the codec writes as a primitive, spelled by a keyword (<c>int</c>, <c>string</c>, ...) or
/// naming a <c>System</c> type (<c>DateTimeOffset</c>, <c>System.Guid</c>, ...): the codec type and requiredness
/// <see cref="CodecParser"/> gives its symbol, without binding it.
/// </summary>
/// <param name="MetadataName">The type the keyword stands for, which must be referenced.</param>
/// <param name="Codec">The codec type.</param>
/// <param name="Required">Whether a JSON line must carry it: a non-nullable reference without a default.</param>
internal sealed record SyntaxDecidedMemberType(string MetadataName, CodecType Codec, bool Required)
{
    /// <summary>
    /// The type of <paramref name="type"/>, or <see langword="null"/> for anything but such a keyword, or <c>string?</c>
    /// where nullable annotations are enabled.
    /// </summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="annotationsEnabled">Whether nullable annotations are enabled there.</param>
    public static SyntaxDecidedMemberType? Keyword(TypeSyntax? type, bool annotationsEnabled)
    {
        bool nullable = false;
        if (type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax element })
        {
            // 'string?' only: a nullable value type is another codec shape, and outside an annotation context '?' on a
            // reference is a warning whose symbol the compiler's path should read.
            if (!annotationsEnabled || !element.Keyword.IsKind(SyntaxKind.StringKeyword))
            {
                return null;
            }

            nullable = true;
            type = element;
        }

        if (type is not PredefinedTypeSyntax { Keyword: var keyword } || KindOf(keyword.Kind()) is not { } found)
        {
            return null;
        }

        bool isString = found.Kind == CodecKind.String;
        // A reference is nullable unless annotated as not: 'string' with annotations off is oblivious, and may be null.
        bool allowsNull = isString && (nullable || !annotationsEnabled);
        bool required = isString && annotationsEnabled && !nullable;
        return new SyntaxDecidedMemberType(found.MetadataName, CodecParser.SimpleType(found.Kind, CodecTypeNames.OfPrimitive(found.Kind)!, allowsNull), required);
    }

    /// <summary>
    /// The type of <paramref name="type"/> when it names one of <see cref="WatchedNames.SystemTypes"/> so that C# can
    /// only find <c>System</c>'s: <c>global::System.Guid</c>; <c>System.Guid</c> where nothing else is named
    /// <c>System</c> on the way; <c>Guid</c> in a file that imports <c>System</c>, where nothing else is named
    /// <c>Guid</c> (<see cref="SyntaxDecidedScope.SimpleNameFindsSystemType"/>). Else <see langword="null"/>.
    /// </summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="ns">The namespace the event is declared in.</param>
    /// <param name="importsSystem">Whether the file, or any file globally, imports <c>System</c>.</param>
    /// <param name="scope">The compilation's scope.</param>
    public static SyntaxDecidedMemberType? SystemType(TypeSyntax? type, string ns, bool importsSystem, SyntaxDecidedScope scope)
    {
        SyntaxToken name;
        switch (type)
        {
            case IdentifierNameSyntax simple when importsSystem && PlainNames.IsPlain(simple.Identifier)
                && WatchedNames.IsOneOf(WatchedNames.SystemTypes, simple.Identifier.ValueText)
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

        if (!PlainNames.IsPlain(name) || WatchedNames.SystemTypeKind(name.ValueText) is not { } kind)
        {
            return null;
        }

        // A value type: never null, never required.
        return new SyntaxDecidedMemberType("System." + name.ValueText, CodecParser.SimpleType(kind, CodecTypeNames.OfPrimitive(kind)!, allowsNull: false), Required: false);
    }

    private static (CodecKind Kind, string MetadataName)? KindOf(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.StringKeyword => (CodecKind.String, "System.String"),
        SyntaxKind.BoolKeyword => (CodecKind.Boolean, "System.Boolean"),
        SyntaxKind.ByteKeyword => (CodecKind.Byte, "System.Byte"),
        SyntaxKind.SByteKeyword => (CodecKind.SByte, "System.SByte"),
        SyntaxKind.ShortKeyword => (CodecKind.Int16, "System.Int16"),
        SyntaxKind.UShortKeyword => (CodecKind.UInt16, "System.UInt16"),
        SyntaxKind.IntKeyword => (CodecKind.Int32, "System.Int32"),
        SyntaxKind.UIntKeyword => (CodecKind.UInt32, "System.UInt32"),
        SyntaxKind.LongKeyword => (CodecKind.Int64, "System.Int64"),
        SyntaxKind.ULongKeyword => (CodecKind.UInt64, "System.UInt64"),
        SyntaxKind.FloatKeyword => (CodecKind.Single, "System.Single"),
        SyntaxKind.DoubleKeyword => (CodecKind.Double, "System.Double"),
        SyntaxKind.DecimalKeyword => (CodecKind.Decimal, "System.Decimal"),
        _ => null,
    };
}
