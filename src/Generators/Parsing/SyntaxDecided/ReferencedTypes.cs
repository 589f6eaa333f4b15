using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// What every reference of a compilation declares, from their metadata tables (<see cref="ReferencedTypeNames"/>),
/// for the questions a syntax-decided event asks instead of binding: is a name taken, is a runtime type there once.
/// </summary>
/// <remarks>Keyed weakly by the compilation; the per-reference tables outlive it in their own cache.</remarks>
[DebuggerDisplay("{_references.Count} references, readable: {Readable}")]
internal sealed class ReferencedTypes
{
    private static readonly ConditionalWeakTable<Compilation, ReferencedTypes> s_byCompilation = new();

    private readonly List<ReferencedTypeNames> _references = new();

    // The references whose types C# code sees in the global namespace: no extern alias, or 'global' among them.
    private readonly List<ReferencedTypeNames> _global = new();

    private ReferencedTypes(Compilation compilation)
    {
        bool readable = true;
        foreach (MetadataReference reference in compilation.ExternalReferences)
        {
            ReferencedTypeNames names = ReferencedTypeNames.Of(reference);
            readable &= names.Readable;
            _references.Add(names);
            MetadataReferenceProperties properties = reference.Properties;
            if (properties.Kind == MetadataImageKind.Assembly && !properties.EmbedInteropTypes
                && (properties.Aliases.IsEmpty || properties.Aliases.Contains(MetadataReferenceProperties.GlobalAlias)))
            {
                _global.Add(names);
            }
        }

        Readable = readable;
    }

    /// <summary>Whether every reference could be read: otherwise nothing is decided without the compiler.</summary>
    public bool Readable { get; }

    /// <summary>The references of <paramref name="compilation"/>.</summary>
    public static ReferencedTypes Of(Compilation compilation)
        => s_byCompilation.GetValue(compilation, static compilation => new ReferencedTypes(compilation));

    /// <summary>
    /// Whether an argument-less <c>[BusEvent]</c> can only mean the runtime's <c>GeneratedBus.BusEventAttribute</c>:
    /// exactly one reference seen globally declares it, and no reference declares anything else of either name.
    /// </summary>
    public bool MarkIsUnique()
    {
        int usable = 0;
        foreach (ReferencedTypeNames names in _references)
        {
            if (names.DeclaresOtherMark)
            {
                return false;
            }

            if (names.DeclaresUsableMark)
            {
                usable++;
                if (!_global.Contains(names))
                {
                    return false;
                }
            }
        }

        return usable == 1;
    }

    /// <summary>Whether any reference declares a top-level type of <paramref name="metadataName"/>, public or not.</summary>
    public bool Declares(string metadataName)
    {
        foreach (ReferencedTypeNames names in _references)
        {
            if (names.Find(metadataName).Count != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many types of the watched <c>System</c> type name <paramref name="name"/>, nested or not, the references declare.</summary>
    public int CountNamed(string name)
    {
        int count = 0;
        foreach (ReferencedTypeNames names in _references)
        {
            count += names.CountNamed(name);
        }

        return count;
    }

    /// <summary>Whether any reference has a namespace <paramref name="name"/>.</summary>
    public bool DeclaresNamespace(string name)
    {
        foreach (ReferencedTypeNames names in _references)
        {
            if (names.HasNamespace(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <c>GetTypeByMetadataName(<paramref name="metadataName"/>)</c> can only find one public type: exactly one
    /// declaration among all references, in a reference seen globally.
    /// </summary>
    public bool DeclaresOncePublicly(string metadataName)
    {
        int count = 0;
        foreach (ReferencedTypeNames names in _references)
        {
            (int found, bool allPublic) = names.Find(metadataName);
            if (found == 0)
            {
                continue;
            }

            if (!allPublic || !_global.Contains(names))
            {
                return false;
            }

            count += found;
        }

        return count == 1;
    }
}
