using System.Linq;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Classifies a member or element type; the reason says why one cannot be handled.</summary>
internal sealed partial class CodecParser
{
    private static readonly string[] s_listDefinitions =
    {
        "List`1", "IReadOnlyList`1", "IList`1", "ICollection`1", "IReadOnlyCollection`1", "IEnumerable`1",
    };

    private static readonly string[] s_dictionaryDefinitions = { "Dictionary`2", "IDictionary`2", "IReadOnlyDictionary`2" };

    private CodecType? Classify(ITypeSymbol type, out string reason)
    {
        reason = string.Empty;
        bool allowsNull = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        if (Primitive(type) is { } primitive)
        {
            return Simple(primitive, type, allowsNull);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (!array.IsSZArray)
            {
                reason = "multi-dimensional arrays are not supported; use an array of arrays";
                return null;
            }

            CodecType? element = Element(array.ElementType, ref reason);
            return element is null ? null : new CodecType(CodecKind.Array, CodecTypeNames.Declared(element) + "[]", true, allowsNull, element, default, false);
        }

        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Error)
        {
            reason = "the codec cannot write pointers, type parameters or dynamic";
            return null;
        }

        if (named.TypeKind == TypeKind.Enum && named.EnumUnderlyingType is { } underlying && Primitive(underlying) is { } underlyingKind)
        {
            if (!TypeUsable(named))
            {
                reason = "it is [Obsolete] as an error";
                return null;
            }

            string[] names = named.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && CodecAttributes.AddUsageWarnings(f, _suppressed))
                .GroupBy(f => System.Convert.ToDecimal(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture))
                .Select(g => g.First().Name)
                .ToArray();
            return new CodecType(CodecKind.Enum, CodecTypeNames.Bare(named), false, false, Simple(underlyingKind, underlying, false), new EquatableArray<string>(names), false);
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            CodecType? inner = Element(named.TypeArguments[0], ref reason);
            return inner is null ? null : NullableOf(inner);
        }

        if (IsCollectionsGeneric(named) && s_listDefinitions.Contains(named.OriginalDefinition.MetadataName))
        {
            CodecType? element = Element(named.TypeArguments[0], ref reason);
            bool isInterface = named.TypeKind == TypeKind.Interface;
            return element is null ? null : new CodecType(
                CodecKind.List, $"{CodecTypeNames.DefinitionOf(named)}<{CodecTypeNames.Declared(element)}>", true, allowsNull, element, default, isInterface);
        }

        if (IsCollectionsGeneric(named) && s_dictionaryDefinitions.Contains(named.OriginalDefinition.MetadataName))
        {
            if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                reason = "dictionary keys must be strings, as JSON property names are";
                return null;
            }

            CodecType? value = Element(named.TypeArguments[1], ref reason);
            bool isInterface = named.TypeKind == TypeKind.Interface;
            return value is null ? null : new CodecType(
                CodecKind.Dictionary, $"{CodecTypeNames.DefinitionOf(named)}<string, {CodecTypeNames.Declared(value)}>", true, allowsNull, value, default, isInterface);
        }

        if (named.IsTupleType)
        {
            return TupleType(named, out reason);
        }

        return ObjectType(named, allowsNull, out reason);
    }

    // A value tuple is written as an object of its element names (Item1… where unnamed) and built as a tuple literal.
    private CodecType? TupleType(INamedTypeSymbol tuple, out string reason)
    {
        reason = string.Empty;
        if (tuple.TupleElements.Length is < 2 or > 7)
        {
            reason = "only tuples of two to seven elements are supported; use a record";
            return null;
        }

        string key = CodecTypeNames.Bare(tuple);
        if (!_shapes.ContainsKey(key))
        {
            _shapes.Add(key, null);
            _order.Add(key);
            var members = new System.Collections.Generic.List<CodecMember>();
            foreach (IFieldSymbol element in tuple.TupleElements)
            {
                CodecType? type = Element(element.Type, ref reason);
                if (type is null)
                {
                    _shapes.Remove(key);
                    _order.Remove(key);
                    return null;
                }

                bool required = element.Type.IsReferenceType && element.Type.NullableAnnotation == NullableAnnotation.NotAnnotated;
                members.Add(new CodecMember(element.Name, Naming.Escape(element.Name), type, CodecSetter.Constructor, members.Count, required, null));
            }

            string[] defaults = tuple.TupleElements.Select(_ => "default!").ToArray();
            _shapes[key] = new CodecShape(key, tuple.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), true, new EquatableArray<string>(defaults), new EquatableArray<CodecMember>(members.ToArray()), IsTuple: true);
        }

        return new CodecType(CodecKind.Object, key, false, false, null, default, false);
    }

    private CodecType? ObjectType(INamedTypeSymbol named, bool allowsNull, out string reason)
    {
        reason = named.SpecialType == SpecialType.System_Object ? "'object' says nothing about what to write, and the codec writes no type names"
            : named.TypeKind == TypeKind.Delegate ? "a delegate is code, not data"
            : named.TypeKind == TypeKind.Interface || named.IsAbstract ? "it is an interface or abstract, and the codec writes no type names"
            : named.IsRefLikeType ? "a ref struct cannot be stored"
            : IsInSystem(named) ? "of System's types the codec handles only the primitives, string, the date and time types, Guid and the collections"
            : !_compilation.IsSymbolAccessibleWithin(named, _compilation.Assembly) ? "it is not accessible to generated code"
            : named.TypeKind is not (TypeKind.Class or TypeKind.Struct) ? "the codec cannot write it"
            : string.Empty;
        if (reason.Length > 0)
        {
            return null;
        }

        if (!TypeUsable(named))
        {
            reason = "it is [Obsolete] as an error";
            return null;
        }

        if (!EnsureShape(named, isEvent: false))
        {
            reason = "it has no accessible constructor whose parameters all name its properties or have defaults";
            return null;
        }

        return new CodecType(CodecKind.Object, CodecTypeNames.Bare(named), named.IsReferenceType, allowsNull, null, default, false);
    }

    // A nested type's own [Obsolete] or [Experimental] warnings are suppressed in the codec; an error keeps it out.
    private bool TypeUsable(INamedTypeSymbol type)
    {
        UsageWarnings.Usage usage = UsageWarnings.Of(type);
        foreach (string id in usage.Ids)
        {
            _suppressed.Add(id);
        }

        return !usage.IsError;
    }

    private CodecType? Element(ITypeSymbol type, ref string reason)
    {
        CodecType? element = Classify(type, out string inner);
        if (element is null)
        {
            reason = $"its element type '{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}' cannot be written: {inner}";
        }

        return element;
    }

    private static CodecType Simple(CodecKind kind, ITypeSymbol type, bool allowsNull)
        => SimpleType(kind, CodecTypeNames.OfPrimitive(kind) ?? CodecTypeNames.Bare(type), allowsNull);

    /// <summary>The codec type of <c>Nullable&lt;T&gt;</c> over <paramref name="inner"/>.</summary>
    internal static CodecType NullableOf(CodecType inner) => new(CodecKind.Nullable, inner.TypeName + "?", false, true, inner, default, false);

    /// <summary>The codec type of a primitive of <paramref name="kind"/>, named <paramref name="typeName"/> in code.</summary>
    internal static CodecType SimpleType(CodecKind kind, string typeName, bool allowsNull)
        => new(kind, typeName, kind == CodecKind.String, allowsNull, null, default, false);

    private static CodecKind? Primitive(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return CodecKind.String;
            case SpecialType.System_Boolean: return CodecKind.Boolean;
            case SpecialType.System_Byte: return CodecKind.Byte;
            case SpecialType.System_SByte: return CodecKind.SByte;
            case SpecialType.System_Int16: return CodecKind.Int16;
            case SpecialType.System_UInt16: return CodecKind.UInt16;
            case SpecialType.System_Int32: return CodecKind.Int32;
            case SpecialType.System_UInt32: return CodecKind.UInt32;
            case SpecialType.System_Int64: return CodecKind.Int64;
            case SpecialType.System_UInt64: return CodecKind.UInt64;
            case SpecialType.System_Single: return CodecKind.Single;
            case SpecialType.System_Double: return CodecKind.Double;
            case SpecialType.System_Decimal: return CodecKind.Decimal;
            case SpecialType.System_DateTime: return CodecKind.DateTime;
        }

        if (type is INamedTypeSymbol { Arity: 0, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
            && named.ContainingType is null)
        {
            switch (named.Name)
            {
                case "DateTimeOffset": return CodecKind.DateTimeOffset;
                case "TimeSpan": return CodecKind.TimeSpan;
                case "Guid": return CodecKind.Guid;
            }
        }

        return null;
    }

    private static bool IsCollectionsGeneric(INamedTypeSymbol type)
        => type is { ContainingType: null, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    private static bool IsInSystem(INamedTypeSymbol type)
    {
        INamespaceSymbol? ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        // KeyValuePair is a plain pair with a constructor naming both properties: an object {"Key", "Value"}.
        return ns is { Name: "System" or "Microsoft" } && !(type.Name == "KeyValuePair" && IsCollectionsGeneric(type));
    }
}
