using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// What a compilation allows syntax to decide, worked out once per compilation: its source and referenced
/// declarations, and whether an argument-less <c>[BusEvent]</c> anywhere in it can only be the runtime's mark.
/// </summary>
[DebuggerDisplay("mark is the runtime's: {MarkIsRuntimes}")]
internal sealed class SyntaxDecidedScope
{
    private static readonly ConditionalWeakTable<Compilation, SyntaxDecidedScope> s_byCompilation = new();

    private readonly ConcurrentDictionary<string, bool> _coreTypes = new(System.StringComparer.Ordinal);

    private SyntaxDecidedScope(Compilation compilation)
    {
        Source = SourceDeclarations.Of(compilation);
        References = ReferencedTypes.Of(compilation);
        // Every reference read, no type or alias of either mark name but the runtime's one attribute, nothing that
        // could mark the assembly's types [Obsolete] or [Experimental], and the interface every record implements
        // there once (a record of a compilation without it has an error type among its interfaces).
        MarkIsRuntimes = !Source.Unreadable && References.Readable
            && !DeclaresOrAliasesMark(Source) && References.MarkIsUnique()
            && !Source.MayMarkTypesObsoleteOrExperimental()
            && HasCoreType("System.Object") && HasCoreType("System.IEquatable`1");
    }

    /// <summary>The source's declarations.</summary>
    public SourceDeclarations Source { get; }

    /// <summary>The references' declarations.</summary>
    public ReferencedTypes References { get; }

    /// <summary>Whether syntax may decide events here at all: an argument-less <c>[BusEvent]</c>, where it binds, binds to the runtime's mark.</summary>
    public bool MarkIsRuntimes { get; }

    /// <summary>The scope of <paramref name="compilation"/>.</summary>
    public static SyntaxDecidedScope Of(Compilation compilation)
        => s_byCompilation.GetValue(compilation, static compilation => new SyntaxDecidedScope(compilation));

    /// <summary>
    /// Whether the simple name <paramref name="name"/>, one of <see cref="WatchedNames.SystemTypes"/>, written in
    /// namespace <paramref name="ns"/> of a file that imports <c>System</c>, finds <c>System.{name}</c>: no other type
    /// of that name anywhere, nested or not, no alias of it, and no namespace of it met first on the way out.
    /// </summary>
    public bool SimpleNameFindsSystemType(string name, string ns)
        => !Source.DeclaresWatched(name) && !Source.HasAlias(name) && References.CountNamed(name) == 1
            && !MetOnTheWayOut(ns, name, typesToo: false);

    /// <summary>Whether <c>System.</c> written in namespace <paramref name="ns"/> names the global <c>System</c> namespace.</summary>
    public bool QualifiedSystemFoundFrom(string ns) => !Source.HasAlias("System") && !MetOnTheWayOut(ns, "System", typesToo: true);

    /// <summary>Whether the core library type <paramref name="metadataName"/> is referenced once and public, and not declared in source.</summary>
    public bool HasCoreType(string metadataName)
    {
        if (!_coreTypes.TryGetValue(metadataName, out bool has))
        {
            has = !Source.DeclaresType(metadataName) && References.DeclaresOncePublicly(metadataName);
            _coreTypes.TryAdd(metadataName, has);
        }

        return has;
    }

    // A namespace (or, with typesToo, a type) named 'name' in ns, in each namespace around it, or, but for System
    // itself, in the global namespace: C# meets it before the using directives of the file.
    private bool MetOnTheWayOut(string ns, string name, bool typesToo)
    {
        for (string container = ns; ; container = container.Substring(0, container.LastIndexOf('.')))
        {
            string dotted = container + "." + name;
            if (Source.DeclaresNamespace(dotted) || References.DeclaresNamespace(dotted)
                || (typesToo && (Source.DeclaresType(dotted) || References.Declares(dotted))))
            {
                return true;
            }

            if (container.IndexOf('.') < 0)
            {
                break;
            }
        }

        // The global namespace: a namespace of that name there is the one looked for when it is System.
        return name != "System" && (Source.DeclaresNamespace(name) || References.DeclaresNamespace(name));
    }

    private static bool DeclaresOrAliasesMark(SourceDeclarations source)
    {
        foreach (string name in WatchedNames.Mark)
        {
            if (source.DeclaresWatched(name) || source.HasAlias(name))
            {
                return true;
            }
        }

        return false;
    }
}
