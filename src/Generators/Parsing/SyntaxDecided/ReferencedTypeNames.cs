using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// The type names one referenced assembly declares, read straight from its metadata tables. Asking the compiler for a
/// referenced type binds every reference of the compilation (the reference manager, then each assembly's namespaces),
/// about a third of a cold build's generator time on a large bus; these tables answer the few questions a
/// syntax-decided event needs (<see cref="SyntaxDecidedEvent"/>) in a fraction of that.
/// </summary>
/// <remarks>
/// Cached per reference object, which the compiler keeps across the compilations of an editing session. Each answer
/// errs towards "declared": a name found here only ever sends an event back to the compiler's path.
/// </remarks>
[DebuggerDisplay("{_modules.Count} modules, {_namespaces.Count} namespaces")]
internal sealed class ReferencedTypeNames
{
    private const string MarkNamespace = "GeneratedBus";

    private static readonly ConditionalWeakTable<MetadataReference, ReferencedTypeNames> s_byReference = new();

    private static readonly ReferencedTypeNames s_unreadable = new(reference: null);

    // Each module's top-level types by namespace, as type definition row numbers: one string per namespace, none per type.
    // Each module's, in the order of GetModules(). The readers are not kept: metadata can be disposed while the
    // reference lives on in this cache, and a reader over freed memory would crash where GetModules() throws.
    private readonly List<Dictionary<string, List<int>>> _modules = new();

    private readonly PortableExecutableReference? _reference;

    // How many types here, nested or not, in any namespace, have each watched name (WatchedNames.SystemTypes).
    private readonly Dictionary<string, int> _watched = new(System.StringComparer.Ordinal);

    // Every namespace that holds a type here, and each of its prefixes.
    private readonly HashSet<string> _namespaces = new(System.StringComparer.Ordinal);

    private ReferencedTypeNames(PortableExecutableReference? reference) => _reference = reference;

    /// <summary>Whether the metadata could be read: a compilation reference or a broken image cannot, and decides nothing.</summary>
    public bool Readable => _reference is not null;

    /// <summary>Whether a type named <c>BusEvent</c> or <c>BusEventAttribute</c>, other than a usable mark, is declared here, nested or not.</summary>
    public bool DeclaresOtherMark { get; private set; }

    /// <summary>
    /// Whether <c>GeneratedBus.BusEventAttribute</c> is declared here as the runtime declares it: public, top-level,
    /// sealed or not but concrete and non-generic, deriving from <c>System.Attribute</c>, with a public parameterless
    /// constructor, which an argument-less <c>[BusEvent]</c> binds to.
    /// </summary>
    public bool DeclaresUsableMark { get; private set; }

    /// <summary>The names of <paramref name="reference"/>, or an unreadable placeholder.</summary>
    public static ReferencedTypeNames Of(MetadataReference reference)
        => s_byReference.GetValue(reference, static reference => Read(reference));

    /// <summary>
    /// How often the top-level type of <paramref name="metadataName"/> is declared here, and whether each is public;
    /// once and not public when the metadata is gone, so that the answer errs towards "declared".
    /// </summary>
    public (int Count, bool AllPublic) Find(string metadataName)
    {
        int dot = metadataName.LastIndexOf('.');
        string ns = dot < 0 ? string.Empty : metadataName.Substring(0, dot);
        string name = metadataName.Substring(dot + 1);
        int count = 0;
        bool allPublic = true;
        for (int module = 0; module < _modules.Count; module++)
        {
            if (!_modules[module].TryGetValue(ns, out List<int>? rows))
            {
                continue;
            }

            if (ReaderOf(module) is not { } reader)
            {
                return (1, false);
            }

            foreach (int row in rows)
            {
                TypeDefinition type = reader.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(row));
                if (reader.StringComparer.Equals(type.Name, name))
                {
                    count++;
                    allPublic &= (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public;
                }
            }
        }

        return (count, allPublic);
    }

    /// <summary>Whether a type here sits in namespace <paramref name="name"/> or below it.</summary>
    public bool HasNamespace(string name) => _namespaces.Contains(name);

    /// <summary>How many types here, nested or not, in any namespace, are named <paramref name="name"/>, one of <see cref="WatchedNames.SystemTypes"/>.</summary>
    public int CountNamed(string name)
    {
        Debug.Assert(WatchedNames.IsOneOf(WatchedNames.SystemTypes, name), "Only the System types' names are counted.");
        return _watched.TryGetValue(name, out int count) ? count : 0;
    }

    private MetadataReader? ReaderOf(int module)
    {
        try
        {
            return _reference!.GetMetadata() switch
            {
                AssemblyMetadata assembly => assembly.GetModules()[module].GetMetadataReader(),
                ModuleMetadata single => single.GetMetadataReader(),
                _ => null,
            };
        }
        catch (System.ObjectDisposedException)
        {
            return null;
        }
    }

    private static ReferencedTypeNames Read(MetadataReference reference)
    {
        if (reference is not PortableExecutableReference executable)
        {
            return s_unreadable;
        }

        try
        {
            ImmutableArray<ModuleMetadata> modules = executable.GetMetadata() switch
            {
                AssemblyMetadata assembly => assembly.GetModules(),
                ModuleMetadata module => ImmutableArray.Create(module),
                _ => default,
            };
            if (modules.IsDefault)
            {
                return s_unreadable;
            }

            var names = new ReferencedTypeNames(executable);
            foreach (ModuleMetadata module in modules)
            {
                names.Add(module.GetMetadataReader());
            }

            return names;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A missing, locked or broken image: the compiler reports it itself, and its path is the one to meet it.
            return s_unreadable;
        }
    }

    private void Add(MetadataReader reader)
    {
        var types = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        StringHandle lastNamespace = default;
        List<int>? rows = null;
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            foreach (string watched in WatchedNames.SystemTypes)
            {
                if (reader.StringComparer.Equals(type.Name, watched))
                {
                    _watched[watched] = _watched.TryGetValue(watched, out int count) ? count + 1 : 1;
                }
            }

            foreach (string mark in WatchedNames.Mark)
            {
                if (reader.StringComparer.Equals(type.Name, mark))
                {
                    if (IsUsableMark(reader, type))
                    {
                        DeclaresUsableMark = true;
                    }
                    else
                    {
                        DeclaresOtherMark = true;
                    }
                }
            }

            if (type.IsNested)
            {
                continue;
            }

            // Types come grouped by namespace, so the string is read once per run of them.
            if (rows is null || type.Namespace != lastNamespace)
            {
                string ns = reader.GetString(type.Namespace);
                if (!types.TryGetValue(ns, out rows))
                {
                    rows = new List<int>();
                    types.Add(ns, rows);
                    AddNamespaceAndPrefixes(ns);
                }

                lastNamespace = type.Namespace;
            }

            rows.Add(MetadataTokens.GetRowNumber(handle));
        }

        _modules.Add(types);
    }

    private void AddNamespaceAndPrefixes(string ns)
    {
        for (int dot = ns.IndexOf('.'); dot >= 0; dot = ns.IndexOf('.', dot + 1))
        {
            _namespaces.Add(ns.Substring(0, dot));
        }

        if (ns.Length != 0)
        {
            _namespaces.Add(ns);
        }
    }

    // The runtime's mark: anything else of that name (another namespace, nested, internal, abstract, generic, not an
    // attribute, or without the constructor) could bind differently from the compiler's point of view.
    private static bool IsUsableMark(MetadataReader reader, TypeDefinition type)
    {
        if ((type.Attributes & (TypeAttributes.VisibilityMask | TypeAttributes.Abstract | TypeAttributes.Interface)) != TypeAttributes.Public
            || !reader.StringComparer.Equals(type.Name, "BusEventAttribute")
            || !reader.StringComparer.Equals(type.Namespace, MarkNamespace)
            || type.GetGenericParameters().Count != 0
            || !IsSystemAttribute(reader, type.BaseType))
        {
            return false;
        }

        foreach (MethodDefinitionHandle handle in type.GetMethods())
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            if ((method.Attributes & (MethodAttributes.MemberAccessMask | MethodAttributes.Static)) == MethodAttributes.Public
                && reader.StringComparer.Equals(method.Name, ".ctor"))
            {
                BlobReader signature = reader.GetBlobReader(method.Signature);
                signature.ReadSignatureHeader();
                if (signature.ReadCompressedInteger() == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSystemAttribute(MetadataReader reader, EntityHandle baseType) => baseType.Kind switch
    {
        HandleKind.TypeReference => reader.GetTypeReference((TypeReferenceHandle)baseType) is var reference
            && reference.ResolutionScope.Kind != HandleKind.TypeReference
            && reader.StringComparer.Equals(reference.Name, "Attribute")
            && reader.StringComparer.Equals(reference.Namespace, "System"),
        _ => false,
    };
}
