using System.Linq;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Turns a root symbol into a <see cref="RootSpec"/>, noting the first reason it cannot have a bus.</summary>
internal static class RootParser
{
    /// <summary>
    /// The namespaces generated code names as <c>global::System</c> and <c>global::GeneratedBus</c>: a type of that
    /// name in the global namespace wins over the namespace there (CS0437), and nothing else can spell the namespace.
    /// </summary>
    internal static readonly string[] NamespacesNamed = { "GeneratedBus", "System" };

    /// <summary>
    /// What generated code uses from the runtime, by metadata name. Missing when only the attributes are declared in
    /// source and the generator is referenced on its own, without the GeneratedBus package that carries both, or with
    /// an older runtime.
    /// </summary>
    internal static readonly string[] RuntimeTypes =
    {
        "GeneratedBus.LiveListenerBus`2", "GeneratedBus.ListenerBus`2", "GeneratedBus.DispatcherBinding`2",
        "GeneratedBus.IEventSpanDispatcher`2", "GeneratedBus.EventKindMap", "GeneratedBus.BusOptions",
        "GeneratedBus.EventKindSet", "GeneratedBus.IListenerKinds", "GeneratedBus.ListenerRun", "GeneratedBus.IListenerCall`2",
    };

    /// <summary>Describes <paramref name="root"/> as seen from <paramref name="compilation"/>.</summary>
    /// <param name="root">The root.</param>
    /// <param name="usage">What referring to the root costs, as the caller already found it.</param>
    /// <param name="compilation">The compilation the generated code goes into.</param>
    public static RootSpec Parse(INamedTypeSymbol root, UsageWarnings.Usage usage, Compilation compilation)
    {
        string busName = EventBusAttributes.NameOf(root) ?? Naming.BusNameOf(root.Name, root.TypeKind == TypeKind.Interface);
        Reach reach = Visibility.ReachOf(root, compilation);

        RootProblem problem = RootProblem.None;
        string detail = string.Empty;
        if (reach == Reach.None)
        {
            problem = RootProblem.Inaccessible;
        }
        else if (Visibility.IsGenericOrInGeneric(root))
        {
            problem = RootProblem.Generic;
        }
        else if (HasStaticAbstractMembers(root))
        {
            problem = RootProblem.StaticAbstractMembers;
        }
        else if (!Naming.IsValidIdentifier(busName))
        {
            problem = RootProblem.InvalidBusName;
            detail = busName;
        }
        else if (AssemblyWithGeneratedBus(root, busName, compilation) is { } holder)
        {
            problem = RootProblem.BusAlreadyGenerated;
            detail = holder;
        }
        else if (FirstTakenName(root, busName, compilation) is { } taken)
        {
            problem = RootProblem.ExistingTypeClash;
            detail = taken;
        }
        else if (FirstHiddenNamespace(compilation) is { } hidden)
        {
            problem = RootProblem.HiddenNamespace;
            detail = hidden;
        }
        else if (FirstMissingRuntimeType(compilation) is { } missing)
        {
            problem = RootProblem.RuntimeMissing;
            detail = missing;
        }

        return new RootSpec(
            SymbolNames.MetadataNameOf(root),
            SymbolNames.ForDisplay(root),
            SymbolNames.ForCode(root),
            SymbolNames.NamespaceOf(root),
            busName,
            reach == Reach.Public,
            problem,
            detail,
            new EquatableArray<string>(usage.Ids),
            !SymbolEqualityComparer.Default.Equals(root.ContainingAssembly, compilation.Assembly));
    }

    // Such an interface cannot be the bus's TEvent type argument (CS8920).
    private static bool HasStaticAbstractMembers(INamedTypeSymbol root)
    {
        if (root.TypeKind != TypeKind.Interface)
        {
            return false;
        }

        return root.GetMembers().Concat(root.AllInterfaces.SelectMany(i => i.GetMembers()))
            .Any(member => member.IsStatic && (member.IsAbstract || member.IsVirtual));
    }

    private static string? FirstHiddenNamespace(Compilation compilation)
        => NamespacesNamed.FirstOrDefault(name => compilation.GlobalNamespace.GetTypeMembers(name)
            .Any(type => type.Arity == 0 && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)));

    private static string? FirstMissingRuntimeType(Compilation compilation)
        => RuntimeTypes.FirstOrDefault(name => compilation.GetTypeByMetadataName(name) is not { } type
            || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly));

    // The referenced assembly holding the bus GeneratedBus generated for this root, if one does: only a root from another
    // assembly can have one, generated in its own assembly or in a library that asked for it with GenerateBus. A type of
    // that name written by hand, or the bus of another root that shares the bus name, is a plain name clash (GB0007).
    private static string? AssemblyWithGeneratedBus(INamedTypeSymbol root, string busName, Compilation compilation)
    {
        if (SymbolEqualityComparer.Default.Equals(root.ContainingAssembly, compilation.Assembly)
            || compilation.GetCompilationNamespace(root.ContainingNamespace) is not { } ns)
        {
            return null;
        }

        foreach (INamedTypeSymbol bus in ns.GetTypeMembers(GeneratedNames.Bus(busName), 0))
        {
            if (!SymbolEqualityComparer.Default.Equals(bus.ContainingAssembly, compilation.Assembly)
                && IsGeneratedByGeneratedBus(bus)
                && bus.BaseType is { Name: "LiveListenerBus", Arity: 2, ContainingNamespace: { Name: "GeneratedBus", ContainingNamespace.IsGlobalNamespace: true } } baseType
                && SymbolEqualityComparer.Default.Equals(baseType.TypeArguments[1], root))
            {
                return bus.ContainingAssembly.Identity.Name;
            }
        }

        return null;
    }

    private static bool IsGeneratedByGeneratedBus(INamedTypeSymbol type)
        => type.GetAttributes().Any(a => a.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
            && a.ConstructorArguments.Length == 2
            && a.ConstructorArguments[0].Value is "GeneratedBus");

    // A generated name is taken by a namespace or a non-generic type that this assembly can see in the root's namespace.
    private static string? FirstTakenName(INamedTypeSymbol root, string busName, Compilation compilation)
    {
        INamespaceSymbol? ns = compilation.GetCompilationNamespace(root.ContainingNamespace);
        if (ns is null)
        {
            return null;
        }

        return GeneratedNames.All(busName).FirstOrDefault(name => ns.GetMembers(name).Any(member => member switch
        {
            INamespaceSymbol => true,
            INamedTypeSymbol { Arity: 0 } type => compilation.IsSymbolAccessibleWithin(type, compilation.Assembly),
            _ => false,
        }));
    }
}
