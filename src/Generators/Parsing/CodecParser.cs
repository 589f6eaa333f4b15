using System.Collections.Generic;
using System.Linq;
using GeneratedBus.Generators.Diagnostics;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Builds the codec model of one event: its written names, and the shape of it and of every type it nests, each member
/// classified. A member the codec cannot handle is diagnosed and left out, never handed to reflection.
/// </summary>
internal sealed partial class CodecParser
{
    private readonly Compilation _compilation;
    private readonly DiagnosticLocation? _eventLocation;
    private readonly Dictionary<string, CodecShape?> _shapes = new(System.StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly SortedSet<string> _suppressed = new(System.StringComparer.Ordinal);

    private CodecParser(Compilation compilation, DiagnosticLocation? eventLocation)
    {
        _compilation = compilation;
        _eventLocation = eventLocation;
    }

    /// <summary>The codec model of the event <paramref name="type"/>, and the diagnostics about its members.</summary>
    /// <param name="type">The event.</param>
    /// <param name="compilation">Its compilation.</param>
    /// <param name="eventLocation">Its name, where diagnostics without a location of their own point.</param>
    /// <param name="typeName">Its <c>global::</c> name, as the event parser already spelled it.</param>
    /// <param name="display">Its display name, likewise.</param>
    /// <param name="plainlyMarked">
    /// Whether its one attribute is an argument-less [BusEvent] (<see cref="PlainEventSyntax"/>): then it is written
    /// under its own name, with no aliases, and its attributes are not bound to learn that.
    /// </param>
    public static (CodecEventSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics) Parse(
        INamedTypeSymbol type, Compilation compilation, DiagnosticLocation? eventLocation, string typeName, string display, bool plainlyMarked = false)
    {
        var parser = new CodecParser(compilation, eventLocation);
        (string name, string[] aliases) = plainlyMarked ? (type.Name, []) : CodecAttributes.EventNamesOf(type);
        bool canRead = parser.EnsureShape(type, isEvent: true, typeName, display);
        if (!canRead)
        {
            parser._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CodecCannotConstruct, eventLocation, display));
        }

        CodecShape[] shapes = parser._order.Select(key => parser._shapes[key]).OfType<CodecShape>().ToArray();
        var spec = new CodecEventSpec(typeName, name, new EquatableArray<string>(aliases), canRead, new EquatableArray<CodecShape>(shapes), new EquatableArray<string>(parser._suppressed.ToArray()));
        return (spec, new EquatableArray<DiagnosticInfo>(parser._diagnostics.ToArray()));
    }

    // Builds the shape of 'type' once; false when the codec cannot construct it. Recursion meets the key already taken.
    private bool EnsureShape(INamedTypeSymbol type, bool isEvent, string? key = null, string? display = null)
    {
        key ??= CodecTypeNames.Bare(type);
        if (_shapes.TryGetValue(key, out CodecShape? known))
        {
            // Null while being built (a recursive type): constructible, since only such shapes are built.
            return known is not null || _order.Contains(key);
        }

        List<IPropertySymbol> properties = PropertiesOf(type);
        IMethodSymbol? constructor = ChooseConstructor(type, properties);
        if (constructor is not null && !SetsRequiredMembers(constructor) && HasUnsettableRequiredMember(type))
        {
            // The object initializer could not set it (CS9035): the reader cannot build the type.
            constructor = null;
        }

        if (constructor is null)
        {
            _shapes.Add(key, null);
            return false;
        }

        _shapes.Add(key, null);
        _order.Add(key);
        CodecMember[] members = MembersOf(type, properties, constructor, isEvent);
        string[] defaults = constructor.Parameters.Select(ParameterDefault).ToArray();
        _shapes[key] = new CodecShape(
            key,
            display ?? SymbolNames.ForDisplay(type),
            type.IsValueType,
            new EquatableArray<string>(defaults),
            new EquatableArray<CodecMember>(members));
        return true;
    }

    // Public instance properties with a public getter, base types' first; an override or 'new' keeps the base's place.
    private static List<IPropertySymbol> PropertiesOf(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Add(current);
        }

        chain.Reverse();
        var properties = new List<IPropertySymbol>();
        var positions = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (INamedTypeSymbol declaring in chain)
        {
            foreach (IPropertySymbol property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || property.Name is "EqualityContract" or ""
                    || property.Type.TypeKind == TypeKind.Error)
                {
                    continue;
                }

                if (positions.TryGetValue(property.Name, out int position))
                {
                    properties[position] = property;
                }
                else
                {
                    positions.Add(property.Name, properties.Count);
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    // [JsonConstructor] first, then the most parameters; each parameter must name a property or have a default.
    private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> properties)
    {
        if (type.IsAbstract || type.IsStatic)
        {
            return null;
        }

        IMethodSymbol[] usable = type.InstanceConstructors
            .Where(c => _compilation.IsSymbolAccessibleWithin(c, _compilation.Assembly)
                && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type))
                && c.Parameters.All(p => p.RefKind == RefKind.None && (p.HasExplicitDefaultValue || properties.Any(property => Matches(p, property)))))
            .ToArray();
        // Only a choice asks for attributes, which binds them.
        return usable.Length <= 1
            ? usable.FirstOrDefault()
            : usable.OrderByDescending(CodecAttributes.IsJsonConstructor).ThenByDescending(c => c.Parameters.Length).First();
    }

    // A parameter sets a property of its name (in any case, as System.Text.Json matches them) and of its type.
    private static bool Matches(IParameterSymbol parameter, IPropertySymbol property)
        => string.Equals(parameter.Name, property.Name, System.StringComparison.OrdinalIgnoreCase)
            && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type);

    private bool HasUnsettableRequiredMember(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                bool unsettable = member switch
                {
                    IFieldSymbol { IsRequired: true } => true,
                    IPropertySymbol { IsRequired: true } property => property.SetMethod is not { } set
                        || !_compilation.IsSymbolAccessibleWithin(set, _compilation.Assembly),
                    _ => false,
                };
                if (unsettable)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private DiagnosticLocation? LocationOf(ISymbol member)
    {
        // The member's name: a positional record's parameter, or the property's declaration.
        Location? location = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax parameter => parameter.Identifier.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.Identifier.GetLocation(),
            _ => null,
        };
        return DiagnosticLocation.From(location) ?? _eventLocation;
    }
}
