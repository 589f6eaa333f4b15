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
        foreach ((string tag, string text) in CarriedElements(xml))
        {
            AppendElement(lines, tag, text);
        }

        if (!lines.Exists(line => line.StartsWith("<summary>", StringComparison.Ordinal)))
        {
            lines.Insert(0, $"<summary>Called for each <see cref=\"{typeName}\"/>.</summary>");
        }

        lines.Add("<param name=\"e\">The event.</param>");
        return lines.ToArray();
    }

    // The carried elements' tags and inner XML, in the event's own order of summary and remarks.
    private static List<(string Tag, string Text)> CarriedElements(string? xml)
    {
        var carried = new List<(string Tag, string Text)>();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return carried;
        }

        // Most comments are plain text in plain tags: those need no XML parser (nor its cost in a cold compiler).
        if (PlainDocXml.Elements(xml!) is { } plain)
        {
            foreach ((string tag, string text) in plain)
            {
                if (Array.IndexOf(s_carriedTags, tag) >= 0)
                {
                    carried.Add((tag, text));
                }
            }

            return carried;
        }

        // No XML type in this method's signature or body: System.Xml loads only when a comment needs it.
        return FromXml(xml!);
    }

    private static List<(string Tag, string Text)> FromXml(string xml)
    {
        var carried = new List<(string Tag, string Text)>();
        try
        {
            XElement? member = XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root;
            if (member is null)
            {
                return carried;
            }

            // Matching by name keeps the event's own order of summary and remarks.
            foreach (XElement element in member.Elements().Where(e => s_carriedTags.Contains(e.Name.LocalName)).ToArray())
            {
                carried.Add((element.Name.LocalName, InnerXml(element)));
            }

            return carried;
        }
        catch (XmlException)
        {
            // Malformed docs come back as a comment; a generated summary replaces them.
            return new List<(string Tag, string Text)>();
        }
    }

    // The element's content as XML, once the tags the handler cannot carry are rewritten.
    private static string InnerXml(XElement element)
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

        return string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
    }

    private static void AppendElement(List<string> lines, string tag, string inner)
    {
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
        string[] split = text.Split(s_lineBreaks, StringSplitOptions.None);
        int first = 0;
        int last = split.Length - 1;
        while (first <= last && split[first].TrimEnd().Length == 0)
        {
            first++;
        }

        while (last >= first && split[last].TrimEnd().Length == 0)
        {
            last--;
        }

        // The first line may follow the opening tag directly, so only the later lines say how deep the text is indented.
        int indent = int.MaxValue;
        for (int i = first + 1; i <= last; i++)
        {
            string line = split[i].TrimEnd();
            if (line.Length > 0)
            {
                indent = Math.Min(indent, line.Length - line.TrimStart().Length);
            }
        }

        indent = indent == int.MaxValue ? 0 : indent;
        var lines = new string[last - first + 1];
        for (int i = first; i <= last; i++)
        {
            string line = split[i].TrimEnd();
            lines[i - first] = i == first ? line.TrimStart() : line.Substring(Math.Min(indent, line.Length));
        }

        return lines;
    }
}
