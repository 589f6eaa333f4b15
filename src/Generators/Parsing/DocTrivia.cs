using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// An event's doc comment read from its syntax, for projects that do not set <c>GenerateDocumentationFile</c>: the
/// compiler then parses <c>///</c> and <c>/** */</c> as plain comments and gives no documentation XML, yet the text is
/// there, and the handler should show it as it would with the file on.
/// </summary>
internal static class DocTrivia
{
    /// <summary>The doc comment before <paramref name="declaration"/> wrapped as the compiler wraps its XML, or <see langword="null"/>.</summary>
    public static string? XmlOf(TypeDeclarationSyntax declaration)
    {
        var lines = new List<string>();
        foreach (SyntaxTrivia trivia in declaration.GetLeadingTrivia())
        {
            string text = trivia.ToString();
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal))
            {
                lines.Add(text.Substring(3));
            }
            else if (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal))
            {
                lines.AddRange(BlockLines(text));
            }
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var xml = new StringBuilder("<member>\n");
        foreach (string line in lines)
        {
            xml.Append(line).Append('\n');
        }

        return xml.Append("</member>").ToString();
    }

    // "/** a\n * b\n */" -> " a", " b": the delimiters and each line's leading '*' go, as the compiler drops them.
    private static IEnumerable<string> BlockLines(string text)
    {
        string body = text.Substring(3, text.Length - 5);
        foreach (string line in body.Split(new[] { "\r\n", "\n", "\r" }, StringSplitOptions.None))
        {
            string trimmed = line.TrimStart();
            yield return trimmed.StartsWith("*", StringComparison.Ordinal) ? trimmed.Substring(1) : line;
        }
    }
}
