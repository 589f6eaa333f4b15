using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>How the codec spells types: built from its own model, so nullability reads the same in every project.</summary>
/// <remarks>
/// Generated code is compiled with nullable annotations on. A type from a nullable-oblivious project spelled as Roslyn
/// shows it (<c>string</c>) would read there as non-nullable; the codec writes <c>string?</c> for whatever allows null.
/// </remarks>
internal static class CodecTypeNames
{
    private static readonly SymbolDisplayFormat s_code = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A primitive's name without asking Roslyn to display it, which allocates: most members are primitives.</summary>
    public static string? OfPrimitive(CodecKind kind) => kind switch
    {
        CodecKind.String => "string",
        CodecKind.Boolean => "bool",
        CodecKind.Byte => "byte",
        CodecKind.SByte => "sbyte",
        CodecKind.Int16 => "short",
        CodecKind.UInt16 => "ushort",
        CodecKind.Int32 => "int",
        CodecKind.UInt32 => "uint",
        CodecKind.Int64 => "long",
        CodecKind.UInt64 => "ulong",
        CodecKind.Single => "float",
        CodecKind.Double => "double",
        CodecKind.Decimal => "decimal",
        CodecKind.DateTime => "global::System.DateTime",
        CodecKind.DateTimeOffset => "global::System.DateTimeOffset",
        CodecKind.TimeSpan => "global::System.TimeSpan",
        CodecKind.Guid => "global::System.Guid",
        _ => null,
    };

    /// <summary>The <c>global::</c> name with inner annotations and no top-level <c>?</c>.</summary>
    public static string Bare(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_code);

    /// <summary>How a value of <paramref name="type"/> is declared: with <c>?</c> when it is a reference that may be null.</summary>
    public static string Declared(CodecType type) => type.IsReference && type.AllowsNull ? type.TypeName + "?" : type.TypeName;

    /// <summary>The generic definition's <c>global::</c> name without type arguments: <c>global::System.Collections.Generic.List</c>.</summary>
    public static string DefinitionOf(INamedTypeSymbol type)
    {
        string name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        int angle = name.IndexOf('<');
        return angle < 0 ? name : name.Substring(0, angle);
    }
}
