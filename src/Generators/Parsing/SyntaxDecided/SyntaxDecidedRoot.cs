using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// The root of a syntax-decided event, decided from syntax and the references' names where that gives what
/// <see cref="RootFacts"/> gives from the symbol: a plain abstract-or-open record with nothing on it, declared once, in
/// source, whose bus has no problem <see cref="RootParser"/> could find.
/// </summary>
/// <param name="Spec">The root's model, as <see cref="RootParser"/> makes it.</param>
/// <param name="Location">The root's name in source.</param>
internal sealed record SyntaxDecidedRoot(RootSpec Spec, DiagnosticLocation? Location)
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, SyntaxDecidedRoot?>> s_byCompilation = new();

    private static readonly EquatableArray<string> s_noWarnings = new(System.Array.Empty<string>());

    /// <summary>
    /// The root <c>{<paramref name="ns"/>}.{<paramref name="name"/>}</c>, which a base list in that namespace names, or
    /// <see langword="null"/> when the compiler's path must decide.
    /// </summary>
    public static SyntaxDecidedRoot? Of(Compilation compilation, string ns, string name)
    {
        ConcurrentDictionary<string, SyntaxDecidedRoot?> roots = s_byCompilation.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<string, SyntaxDecidedRoot?>(System.StringComparer.Ordinal));
        string dottedName = ns + "." + name;
        if (!roots.TryGetValue(dottedName, out SyntaxDecidedRoot? root))
        {
            root = roots.GetOrAdd(dottedName, Decide(compilation, ns, name, dottedName));
        }

        return root;
    }

    private static SyntaxDecidedRoot? Decide(Compilation compilation, string ns, string name, string dottedName)
    {
        SourceDeclarations source = SourceDeclarations.Of(compilation);
        ReferencedTypes references = ReferencedTypes.Of(compilation);
        // The event's namespace holds the one declaration: C# finds it there before any outer namespace or import, and
        // before a referenced namesake (CS0436).
        if (source.SoleDeclaration(dottedName) is not RecordDeclarationSyntax declaration || !IsPlainRoot(declaration))
        {
            return null;
        }

        if (NamespaceSharesATypesName(source, ns))
        {
            return null;
        }

        string busName = Naming.BusNameOf(name, isInterface: false);
        if (!Naming.IsValidIdentifier(busName) || MayBeTaken(source, references, ns, busName) || MayHideOrLackRuntime(source, references))
        {
            return null;
        }

        bool isPublic = declaration.Modifiers.Any(SyntaxKind.PublicKeyword);
        var spec = new RootSpec(dottedName, dottedName, "global::" + dottedName, ns, busName, isPublic, RootProblem.None, string.Empty, s_noWarnings);
        return new SyntaxDecidedRoot(spec, DiagnosticLocation.From(declaration.Identifier.GetLocation()));
    }

    // A record class with nothing that could change what the symbol says: no attribute (so no [EventBus], [Obsolete]
    // or [Experimental]), no base (object is its top), no members or parameters (nothing its events inherit into a
    // codec), one part, and open to its events.
    private static bool IsPlainRoot(RecordDeclarationSyntax declaration)
    {
        if (declaration.AttributeLists.Count != 0 || declaration.BaseList is not null || declaration.ParameterList is not null
            || declaration.TypeParameterList is not null || declaration.ConstraintClauses.Count != 0 || declaration.Members.Count != 0
            || declaration.ContainsDirectives || !declaration.ClassOrStructKeyword.IsKind(SyntaxKind.None) && !declaration.ClassOrStructKeyword.IsKind(SyntaxKind.ClassKeyword)
            || !PlainNames.IsPlain(declaration.Identifier) || declaration.Parent is not BaseNamespaceDeclarationSyntax)
        {
            return false;
        }

        return SyntaxDecidedModifiers.Read(declaration.Modifiers, allowSealed: false) is not null;
    }

    // SymbolNames.CanBeSpelled: a namespace named like a source type in its container is an error that generated code
    // could only repeat (CS0101), so the compiler's path says nothing for it.
    private static bool NamespaceSharesATypesName(SourceDeclarations source, string ns)
    {
        for (int dot = ns.IndexOf('.'); ; dot = ns.IndexOf('.', dot + 1))
        {
            if (source.DeclaresType(dot < 0 ? ns : ns.Substring(0, dot)))
            {
                return true;
            }

            if (dot < 0)
            {
                return false;
            }
        }
    }

    // RootParser's ExistingTypeClash: any type or namespace of a generated name in the root's namespace, declared anywhere.
    private static bool MayBeTaken(SourceDeclarations source, ReferencedTypes references, string ns, string busName)
    {
        foreach (string generated in GeneratedNames.All(busName))
        {
            string dotted = ns + "." + generated;
            if (source.DeclaresType(dotted) || source.DeclaresNamespace(dotted) || references.Declares(dotted) || references.DeclaresNamespace(dotted))
            {
                return true;
            }
        }

        return false;
    }

    // RootParser's HiddenNamespace and RuntimeMissing: a global type named like a namespace generated code spells, a
    // source type in the runtime's namespace, or a runtime type that is not there exactly once.
    private static bool MayHideOrLackRuntime(SourceDeclarations source, ReferencedTypes references)
    {
        foreach (string name in RootParser.NamespacesNamed)
        {
            if (source.DeclaresType(name) || references.Declares(name))
            {
                return true;
            }
        }

        if (source.DeclaresInRuntimeNamespace)
        {
            return true;
        }

        foreach (string runtimeType in RootParser.RuntimeTypes)
        {
            if (!references.DeclaresOncePublicly(runtimeType))
            {
                return true;
            }
        }

        return false;
    }
}
