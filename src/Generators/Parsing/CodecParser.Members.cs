using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>The members of one shape: name, type, how the reader sets it, and whether a line must carry it.</summary>
internal sealed partial class CodecParser
{
    private CodecMember[] MembersOf(INamedTypeSymbol type, List<IPropertySymbol> properties, IMethodSymbol constructor, bool isEvent)
    {
        var members = new List<CodecMember>();
        var jsonNames = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (isEvent)
        {
            jsonNames.Add("Event", "the \"Event\" discriminator");
        }

        foreach (IPropertySymbol property in properties)
        {
            bool attributed = CodecAttributes.MayHaveAttributes(property);
            if (attributed && CodecAttributes.IsIgnored(property))
            {
                if (property.IsRequired && !SetsRequiredMembers(constructor))
                {
                    // Left out of the JSON, but C# insists on an initializer for it: it gets its default there.
                    members.Add(new CodecMember(property.Name, Naming.Escape(property.Name), null, CodecSetter.Initializer, -1, false, null));
                }

                continue;
            }

            IParameterSymbol? parameter = constructor.Parameters.FirstOrDefault(p => p.Name == property.Name && Matches(p, property))
                ?? constructor.Parameters.FirstOrDefault(p => Matches(p, property) && !properties.Any(other => other.Name == p.Name));
            if (property.IsRequired && !SetsRequiredMembers(constructor))
            {
                // A required member must be set in the object initializer, even when a constructor parameter matches it.
                parameter = null;
            }

            CodecSetter? setter = SetterOf(type, property, parameter);
            if (setter is null)
            {
                // Read-only and not a constructor argument: it could not be read back, so it is not written either.
                continue;
            }

            if (attributed && !CodecAttributes.AddUsageWarnings(property, _suppressed))
            {
                // [Obsolete] as an error: generated code cannot name it, so it stays out, like an ignored member.
                continue;
            }

            string jsonName = (attributed ? CodecAttributes.JsonNameOf(property) : null) ?? property.Name;
            CodecType? codecType = Classify(property.Type, out string reason);
            if (codecType is not null && jsonNames.TryGetValue(jsonName, out string? owner))
            {
                codecType = null;
                reason = $"its JSON name \"{jsonName}\" is already {owner}";
            }

            if (codecType is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CodecUnsupportedMember,
                    LocationOf(property),
                    property.Name,
                    SymbolNames.ForDisplay(type),
                    property.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                    reason));
            }
            else
            {
                jsonNames.Add(jsonName, $"taken by '{property.Name}'");
            }

            bool hasDefault = parameter is not null ? parameter.HasExplicitDefaultValue : HasInitializer(property);
            bool required = codecType is not null
                && (property.IsRequired || (property.Type.IsReferenceType && property.Type.NullableAnnotation == NullableAnnotation.NotAnnotated && !hasDefault));
            members.Add(new CodecMember(
                jsonName,
                Naming.Escape(property.Name),
                codecType,
                setter.Value,
                parameter?.Ordinal ?? -1,
                required,
                parameter is { HasExplicitDefaultValue: true } ? ParameterDefault(parameter) : null));
        }

        return members.ToArray();
    }

    private CodecSetter? SetterOf(INamedTypeSymbol type, IPropertySymbol property, IParameterSymbol? parameter)
    {
        if (parameter is not null)
        {
            return CodecSetter.Constructor;
        }

        if (property.SetMethod is not { } set || !_compilation.IsSymbolAccessibleWithin(set, _compilation.Assembly) || property.IsReadOnly)
        {
            return null;
        }

        if (property.IsRequired)
        {
            return CodecSetter.Initializer;
        }

        if (!set.IsInitOnly)
        {
            return CodecSetter.Assignment;
        }

        // A missing init-only member would overwrite its initializer with default: a record can keep it through 'with'.
        return type.IsRecord && HasInitializer(property) ? CodecSetter.With : CodecSetter.Initializer;
    }

    private static bool SetsRequiredMembers(IMethodSymbol constructor)
        => constructor.GetAttributes().Any(a => a.AttributeClass is { Name: "SetsRequiredMembersAttribute" });

    private static bool HasInitializer(IPropertySymbol property)
        => property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });

    /// <summary>What the reader passes for a constructor parameter without a default, or with a null one, when its member is absent.</summary>
    internal const string NoDefault = "default!";

    // The C# for a parameter's default: its constant, typed as the parameter so the literal always converts.
    private static string ParameterDefault(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
        {
            return NoDefault;
        }

        object value = parameter.ExplicitDefaultValue;
        string literal = value switch
        {
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
        };
        return $"({CodecTypeNames.Bare(parameter.Type)})({literal})";
    }
}
