using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Carries an event's XML doc over to its handler.</summary>
internal static class DocComments
{
    // Only these tags describe the event as a whole; <param> would name record parameters the handler lacks (CS1572).
    private static readonly string[] s_carriedTags = { "summary", "remarks" };

    // Every character C# takes as the end of a line. A '/** */' comment can hold any of them mid-text; left inside a
    // '///' line, the rest of that line would become code.
    private static readonly string[] s_lineBreaks = { "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029" };

    /// <summary>
    /// The handler's doc lines (without <c>///</c>): the event's summary and remarks, with a generated summary when the
    /// event has none or its doc is malformed; always ending with the <c>e</c> parameter.
    /// </summary>
    /// <param name="xml">The event's documentation comment, as <see cref="ISymbol.GetDocumentationCommentXml"/> gives it.</param>
    /// <param name="typeName">The event's name in code, for the generated summary.</param>
    public static string[] HandlerDocFor(string? xml, string typeName)
    {
        var lines = new List<string>();
        foreach (XElement element in CarriedElements(xml))
        {
            AppendElement(lines, element);
        }

        if (!lines.Exists(line => line.StartsWith("<summary>", StringComparison.Ordinal)))
        {
            lines.Insert(0, $"<summary>Called for each <see cref=\"{typeName}\"/>.</summary>");
        }

        lines.Add("<param name=\"e\">The event.</param>");
        return lines.ToArray();
    }

    private static IEnumerable<XElement> CarriedElements(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Array.Empty<XElement>();
        }

        try
        {
            XElement? member = XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root;
            if (member is null)
            {
                return Array.Empty<XElement>();
            }

            // Matching by name keeps the event's own order of summary and remarks.
            return member.Elements().Where(e => s_carriedTags.Contains(e.Name.LocalName)).ToArray();
        }
        catch (XmlException)
        {
            // Malformed docs come back as a comment; a generated summary replaces them.
            return Array.Empty<XElement>();
        }
    }

    private static void AppendElement(List<string> lines, XElement element)
    {
        // <paramref> and <typeparamref> name parameters the handler does not have (CS1734, CS1735): show them as code.
        foreach (XElement reference in element.Descendants().Where(IsParameterReference).ToArray())
        {
            reference.ReplaceWith(new XElement("c", (string?)reference.Attribute("name") ?? string.Empty));
        }

        // A stray <param> or <typeparam> inside the text would be checked against the handler too (CS1572): keep its text only.
        foreach (XElement parameter in element.Descendants().Where(IsParameterDescription).ToArray())
        {
            parameter.ReplaceWith(parameter.Nodes());
        }

        string tag = element.Name.LocalName;
        string inner = string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        string[] body = Dedent(inner);
        if (body.Length == 0)
        {
            return;
        }

        if (body.Length == 1)
        {
            lines.Add($"<{tag}>{body[0]}</{tag}>");
            return;
        }

        lines.Add($"<{tag}>");
        lines.AddRange(body);
        lines.Add($"</{tag}>");
    }

    private static bool IsParameterReference(XElement element) => element.Name.LocalName is "paramref" or "typeparamref";

    private static bool IsParameterDescription(XElement element) => element.Name.LocalName is "param" or "typeparam";

    // Splits into lines, drops blank leading and trailing lines and the indentation the lines share.
    private static string[] Dedent(string text)
    {
        List<string> lines = text.Split(s_lineBreaks, StringSplitOptions.None).Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // The first line may follow the opening tag directly, so only the later lines say how deep the text is indented.
        int indent = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();

        return lines.Select((l, i) => i == 0 ? l.TrimStart() : l.Substring(Math.Min(indent, l.Length))).ToArray();
    }
}
