using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// A positional member's type spelled by a keyword the codec writes as a primitive (<c>int</c>, <c>string</c>, ...):
/// the codec type and requiredness <see cref="CodecParser"/> gives its symbol, without binding it.
/// </summary>
/// <param name="MetadataName">The type the keyword stands for, which must be referenced.</param>
/// <param name="Codec">The codec type.</param>
/// <param name="Required">Whether a JSON line must carry it: a non-nullable reference without a default.</param>
internal sealed record SyntaxDecidedKeywordType(string MetadataName, CodecType Codec, bool Required)
{
    /// <summary>
    /// The type of <paramref name="type"/>, or <see langword="null"/> for anything but such a keyword, or <c>string?</c>
    /// where nullable annotations are enabled.
    /// </summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="annotationsEnabled">Whether nullable annotations are enabled there.</param>
    public static SyntaxDecidedKeywordType? Of(TypeSyntax? type, bool annotationsEnabled)
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
        return new SyntaxDecidedKeywordType(found.MetadataName, CodecParser.SimpleType(found.Kind, CodecTypeNames.OfPrimitive(found.Kind)!, allowsNull), required);
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
