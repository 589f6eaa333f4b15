using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// What a compilation's source declares at namespace level, merged from its trees (<see cref="TreeDeclarations"/>):
/// enough to look a simple name up in a namespace, and to tell whether a generated name or the mark could be taken.
/// </summary>
/// <remarks>Keyed weakly by the compilation; each tree's part is cached with the tree.</remarks>
[DebuggerDisplay("{_types.Count} type names, {_namespaces.Count} namespaces")]
internal sealed class SourceDeclarations
{
    private static readonly ConditionalWeakTable<Compilation, SourceDeclarations> s_byCompilation = new();

    // Top-level types by dotted name, any arity ("Acme.Large.LargeEvent"), with their declarations of arity 0.
    private readonly Dictionary<string, (int Count, List<MemberDeclarationSyntax> NonGeneric)> _types = new(System.StringComparer.Ordinal);

    private readonly HashSet<string> _namespaces = new(System.StringComparer.Ordinal);

    private readonly HashSet<string> _aliasNames = new(System.StringComparer.Ordinal);

    private readonly HashSet<string> _moduleAttributeNames = new(System.StringComparer.Ordinal);

    private readonly HashSet<string> _watchedDeclared = new(System.StringComparer.Ordinal);

    private SourceDeclarations(Compilation compilation)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            TreeDeclarations declarations = TreeDeclarations.Of(tree);
            Unreadable |= declarations.Unreadable;
            ImportsRuntimeGlobally |= declarations.ImportsRuntimeGlobally;
            ImportsSystemGlobally |= declarations.ImportsSystemGlobally;
            _watchedDeclared.UnionWith(declarations.WatchedNamesDeclared);
            foreach ((string ns, string name, int arity, MemberDeclarationSyntax declaration) in declarations.Types)
            {
                string key = ns.Length == 0 ? name : ns + "." + name;
                (int count, List<MemberDeclarationSyntax>? nonGeneric) = _types.TryGetValue(key, out var known) ? known : (0, new List<MemberDeclarationSyntax>());
                if (arity == 0)
                {
                    nonGeneric.Add(declaration);
                }

                _types[key] = (count + 1, nonGeneric);
                DeclaresInRuntimeNamespace |= ns == "GeneratedBus" || ns.StartsWith("GeneratedBus.", System.StringComparison.Ordinal);
            }

            _namespaces.UnionWith(declarations.Namespaces);
            _aliasNames.UnionWith(declarations.AliasNames);
            _moduleAttributeNames.UnionWith(declarations.ModuleAttributeNames);
        }
    }

    /// <summary>Whether some tree holds what the syntax walk does not read: decide nothing then.</summary>
    public bool Unreadable { get; }

    /// <summary>Whether some file has <c>global using GeneratedBus;</c>.</summary>
    public bool ImportsRuntimeGlobally { get; }

    /// <summary>Whether some file has <c>global using System;</c>.</summary>
    public bool ImportsSystemGlobally { get; }

    /// <summary>Whether source declares a type in the runtime's namespace, which would shadow the runtime's own.</summary>
    public bool DeclaresInRuntimeNamespace { get; }

    /// <summary>The source declarations of <paramref name="compilation"/>.</summary>
    public static SourceDeclarations Of(Compilation compilation)
        => s_byCompilation.GetValue(compilation, static compilation => new SourceDeclarations(compilation));

    /// <summary>Whether a top-level type of <paramref name="dottedName"/>, of any arity, is declared in source.</summary>
    public bool DeclaresType(string dottedName) => _types.ContainsKey(dottedName);

    /// <summary>The one declaration of the non-generic type <paramref name="dottedName"/>, if it has exactly one and no generic namesake.</summary>
    public MemberDeclarationSyntax? SoleDeclaration(string dottedName)
        => _types.TryGetValue(dottedName, out var found) && found.Count == 1 && found.NonGeneric.Count == 1 ? found.NonGeneric[0] : null;

    /// <summary>Whether a namespace <paramref name="dottedName"/> is declared in source, or is a prefix of one.</summary>
    public bool DeclaresNamespace(string dottedName) => _namespaces.Contains(dottedName);

    /// <summary>Whether a type named <paramref name="name"/>, one of <see cref="WatchedNames.All"/>, is declared anywhere in source, nested or not.</summary>
    public bool DeclaresWatched(string name)
    {
        Debug.Assert(WatchedNames.IsOneOf(WatchedNames.All, name), "Only the watched names are collected.");
        return _watchedDeclared.Contains(name);
    }

    /// <summary>Whether a using alias or extern alias anywhere is named <paramref name="name"/>.</summary>
    public bool HasAlias(string name) => _aliasNames.Contains(name);

    /// <summary>
    /// Whether an assembly or module attribute could be <c>[Obsolete]</c> or <c>[Experimental]</c>, which mark every
    /// type of the assembly: by its name, or through an alias of any name.
    /// </summary>
    public bool MayMarkTypesObsoleteOrExperimental()
    {
        foreach (string name in _moduleAttributeNames)
        {
            // [X] looks up X and XAttribute alike, so an alias of either spelling counts.
            if (name is "Obsolete" or "ObsoleteAttribute" or "Experimental" or "ExperimentalAttribute"
                || _aliasNames.Contains(name) || _aliasNames.Contains(name + "Attribute"))
            {
                return true;
            }
        }

        return false;
    }
}
