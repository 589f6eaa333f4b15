using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// Names read from syntax as the compiler would print them. A plain identifier (no <c>@</c>, no unicode escape, no
/// keyword of any kind) prints as written in every symbol display format, so text taken from it equals the text the
/// compiler's path takes from the symbol.
/// </summary>
internal static class PlainNames
{
    /// <summary>Whether <paramref name="identifier"/> prints as written: present, unescaped, and no keyword, contextual ones included.</summary>
    public static bool IsPlain(SyntaxToken identifier)
    {
        string text = identifier.Text;
        return !identifier.IsMissing && text.Length != 0 && text == identifier.ValueText
            && text.IndexOf('\\') < 0
            && SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None
            && SyntaxFacts.GetContextualKeywordKind(text) == SyntaxKind.None;
    }

    /// <summary>
    /// The dotted name <paramref name="name"/> spells (<c>Acme.Large</c>), or <see langword="null"/> for anything but
    /// identifiers joined by dots; with <paramref name="plainOnly"/>, also for any identifier that is not plain.
    /// </summary>
    public static string? Dotted(NameSyntax name, bool plainOnly = false) => name switch
    {
        IdentifierNameSyntax identifier => !identifier.Identifier.IsMissing && (!plainOnly || IsPlain(identifier.Identifier))
            ? identifier.Identifier.ValueText
            : null,
        QualifiedNameSyntax { Left: var left, Right: IdentifierNameSyntax right }
            => Dotted(left, plainOnly) is { } prefix && Dotted(right, plainOnly) is { } last ? prefix + "." + last : null,
        _ => null,
    };
}
