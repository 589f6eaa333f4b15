using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// What one syntax tree declares at namespace level, read from its syntax: its types by namespace, its namespaces, its
/// using aliases and imports, its assembly and module attributes, and whether any type in it takes the mark's name.
/// </summary>
/// <remarks>
/// Cached per tree, which an edit elsewhere leaves the same object: on each keystroke only the edited file is read
/// again. Only declarations are walked, never member bodies.
/// </remarks>
[DebuggerDisplay("{FilePath}: {Types.Count} top-level types")]
internal sealed class TreeDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> s_byTree = new();

    private TreeDeclarations(string filePath) => FilePath = filePath;

    /// <summary>The tree's path.</summary>
    public string FilePath { get; }

    /// <summary>The top-level types, each under its namespace's dotted name ("" for the global namespace).</summary>
    public List<(string Namespace, string Name, int Arity, MemberDeclarationSyntax Declaration)> Types { get; } = new();

    /// <summary>The dotted names of the namespaces declared, with each prefix (<c>Acme</c> for <c>Acme.Large</c>).</summary>
    public List<string> Namespaces { get; } = new();

    /// <summary>The names of every using alias and extern alias, at any level, global or not.</summary>
    public List<string> AliasNames { get; } = new();

    /// <summary>The simple names of the assembly and module attributes (<c>Obsolete</c> for <c>[assembly: System.Obsolete]</c>).</summary>
    public List<string> ModuleAttributeNames { get; } = new();

    /// <summary>Whether a <c>global using GeneratedBus;</c> is here.</summary>
    public bool ImportsRuntimeGlobally { get; private set; }

    /// <summary>Whether a file-level <c>using GeneratedBus;</c> is here, outside every namespace declaration.</summary>
    public bool ImportsRuntime { get; private set; }

    /// <summary>The <see cref="WatchedNames"/> of the types declared here, at any depth.</summary>
    public List<string> WatchedNamesDeclared { get; } = new();

    /// <summary>Whether a <c>global using System;</c> is here.</summary>
    public bool ImportsSystemGlobally { get; private set; }

    /// <summary>Whether a file-level <c>using System;</c> is here, outside every namespace declaration.</summary>
    public bool ImportsSystem { get; private set; }

    /// <summary>Whether the walk met something it does not read (an unnamed or escaped namespace, or a stray member): decide nothing then.</summary>
    public bool Unreadable { get; private set; }

    /// <summary>The declarations of <paramref name="tree"/>.</summary>
    public static TreeDeclarations Of(SyntaxTree tree) => s_byTree.GetValue(tree, static tree => Read(tree));

    private static TreeDeclarations Read(SyntaxTree tree)
    {
        var declarations = new TreeDeclarations(tree.FilePath);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        declarations.AddExterns(root.Externs);
        foreach (UsingDirectiveSyntax directive in root.Usings)
        {
            declarations.AddUsing(directive, fileLevel: true);
        }

        foreach (AttributeListSyntax list in root.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                declarations.ModuleAttributeNames.Add(SimpleNameOf(attribute.Name));
            }
        }

        declarations.AddMembers(root.Members, string.Empty);
        return declarations;
    }

    private void AddUsing(UsingDirectiveSyntax directive, bool fileLevel)
    {
        if (directive.Alias is { } alias)
        {
            AliasNames.Add(alias.Name.Identifier.ValueText);
            return;
        }

        if (!fileLevel || directive.StaticKeyword != default)
        {
            return;
        }

        bool global = directive.GlobalKeyword != default;
        if (NamesGlobalNamespace(directive.Name, "GeneratedBus"))
        {
            ImportsRuntimeGlobally |= global;
            ImportsRuntime |= !global;
        }
        else if (NamesGlobalNamespace(directive.Name, "System"))
        {
            ImportsSystemGlobally |= global;
            ImportsSystem |= !global;
        }
    }

    private void AddExterns(SyntaxList<ExternAliasDirectiveSyntax> externs)
    {
        foreach (ExternAliasDirectiveSyntax directive in externs)
        {
            AliasNames.Add(directive.Identifier.ValueText);
        }
    }

    private void AddMembers(SyntaxList<MemberDeclarationSyntax> members, string ns)
    {
        foreach (MemberDeclarationSyntax member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax namespaceDeclaration:
                    if (PlainNames.Dotted(namespaceDeclaration.Name) is not { } name)
                    {
                        Unreadable = true;
                        break;
                    }

                    string fullName = ns.Length == 0 ? name : ns + "." + name;
                    AddNamespaceAndPrefixes(fullName);
                    AddExterns(namespaceDeclaration.Externs);
                    foreach (UsingDirectiveSyntax directive in namespaceDeclaration.Usings)
                    {
                        AddUsing(directive, fileLevel: false);
                    }

                    AddMembers(namespaceDeclaration.Members, fullName);
                    break;
                case BaseTypeDeclarationSyntax type:
                    Types.Add((ns, type.Identifier.ValueText, ArityOf(type), type));
                    NoteWatchedNames(type);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    Types.Add((ns, @delegate.Identifier.ValueText, @delegate.TypeParameterList?.Parameters.Count ?? 0, @delegate));
                    NoteWatchedName(@delegate.Identifier);
                    break;
                case GlobalStatementSyntax:
                    // Top-level statements declare Program's Main, no type of their own that a name could meet.
                    break;
                default:
                    // Half-typed code: a member outside any type.
                    Unreadable = true;
                    break;
            }
        }
    }

    private void AddNamespaceAndPrefixes(string fullName)
    {
        for (int dot = fullName.IndexOf('.'); dot >= 0; dot = fullName.IndexOf('.', dot + 1))
        {
            Namespaces.Add(fullName.Substring(0, dot));
        }

        Namespaces.Add(fullName);
    }

    // Nested types too: 'using static' brings them into scope, so any of a watched name could be what it binds to.
    private void NoteWatchedNames(BaseTypeDeclarationSyntax type)
    {
        NoteWatchedName(type.Identifier);
        if (type is TypeDeclarationSyntax container)
        {
            foreach (MemberDeclarationSyntax member in container.Members)
            {
                if (member is BaseTypeDeclarationSyntax nested)
                {
                    NoteWatchedNames(nested);
                }
                else if (member is DelegateDeclarationSyntax @delegate)
                {
                    NoteWatchedName(@delegate.Identifier);
                }
            }
        }
    }

    private void NoteWatchedName(SyntaxToken identifier)
    {
        if (WatchedNames.IsOneOf(WatchedNames.All, identifier.ValueText))
        {
            WatchedNamesDeclared.Add(identifier.ValueText);
        }
    }

    private static int ArityOf(BaseTypeDeclarationSyntax type)
        => type is TypeDeclarationSyntax { TypeParameterList: { } parameters } ? parameters.Parameters.Count : 0;

    // 'GeneratedBus' or 'global::GeneratedBus' (as ns), resolved from the global namespace as a file-level using is.
    private static bool NamesGlobalNamespace(NameSyntax? name, string ns) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == ns,
        AliasQualifiedNameSyntax { Alias.Identifier: var alias, Name: IdentifierNameSyntax identifier }
            => alias.IsKind(SyntaxKind.GlobalKeyword) && identifier.Identifier.ValueText == ns,
        _ => false,
    };

    private static string SimpleNameOf(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
