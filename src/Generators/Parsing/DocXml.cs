using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>An event's documentation comment as the compiler gives it, read once per syntax tree where syntax alone decides it.</summary>
/// <remarks>
/// Roslyn re-runs every event's parse on each compilation change, and asking a fresh compilation for a symbol's doc
/// XML was half of that parse. An unedited file keeps its syntax tree across compilations, and a comment without
/// cross-references comes out of that tree alone, so its XML is kept per tree (weakly: it goes with the tree).
/// A cref binds against the whole compilation and an include reads a file: those are asked for every time, as are
/// partial types, whose comment joins several declarations.
/// </remarks>
internal static class DocXml
{
    // Ordinal, ignoring case to err on the side of asking: any mention in the comment's text, not just an attribute.
    private static readonly string[] s_semanticMarkers = { "cref", "include", "inheritdoc" };

    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<int, string?>> s_byTree = new();

    /// <summary>The doc XML of <paramref name="type"/>, declared by <paramref name="declaration"/>.</summary>
    /// <remarks>
    /// Without documentation XML from the compiler (no <c>GenerateDocumentationFile</c>, so doc comments are plain
    /// comments), the comment is read from the declaration's syntax instead (<see cref="DocTrivia"/>).
    /// </remarks>
    public static string? Of(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        string? xml = FromCompiler(type, declaration, cancellationToken);
        return string.IsNullOrEmpty(xml) && declaration.SyntaxTree.Options.DocumentationMode == DocumentationMode.None
            ? DocTrivia.XmlOf(declaration)
            : xml;
    }

    private static string? FromCompiler(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length != 1 || !IsSyntaxOnly(declaration))
        {
            return type.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        }

        ConcurrentDictionary<int, string?> docs = s_byTree.GetValue(declaration.SyntaxTree, static _ => new ConcurrentDictionary<int, string?>());
        if (!docs.TryGetValue(declaration.SpanStart, out string? xml))
        {
            xml = type.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            docs.TryAdd(declaration.SpanStart, xml);
        }

        return xml;
    }

    // The comment sits in the leading trivia of the declaration's first token, where the compiler reads it too.
    internal static bool IsSyntaxOnly(TypeDeclarationSyntax declaration)
    {
        foreach (SyntaxTrivia trivia in declaration.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                continue;
            }

            string text = trivia.ToFullString();
            foreach (string marker in s_semanticMarkers)
            {
                if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
