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
            && !Source.DeclaresMarkName && !HasMarkAlias(Source) && References.MarkIsUnique()
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

    private static bool HasMarkAlias(SourceDeclarations source)
    {
        foreach (string name in ReferencedTypeNames.MarkNames)
        {
            if (source.HasAlias(name))
            {
                return true;
            }
        }

        return false;
    }
}
