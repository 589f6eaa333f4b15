using System.Collections.Generic;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Reads the common doc comment, elements of plain text (<c>&lt;summary&gt;Job started.&lt;/summary&gt;</c>), without
/// System.Xml: in the build's fresh compiler process, loading and compiling System.Xml for a 1,000-event bus cost more
/// than reading every comment. Anything else (nested tags, entities, attributes, comments, text outside the elements,
/// characters beyond printable ASCII) is left to <see cref="DocComments"/>' XML reading, so the two never disagree.
/// </summary>
internal static class PlainDocXml
{
    private const string NameAttribute = " name=\"";

    /// <summary>The top-level elements of <paramref name="xml"/> as tag and text, or <see langword="null"/> when the comment is not plain.</summary>
    /// <param name="xml">A <c>&lt;member&gt;</c> element, with or without a <c>name</c> attribute, as the compiler or <see cref="DocTrivia"/> gives it.</param>
    public static List<(string Tag, string Text)>? Elements(string xml)
    {
        if (!IsPlain(xml))
        {
            return null;
        }

        int position = SkipWhitespace(xml, 0);
        if (position >= xml.Length || ReadTag(xml, ref position, closing: false) != "member")
        {
            return null;
        }

        var elements = new List<(string Tag, string Text)>();
        while (true)
        {
            position = SkipWhitespace(xml, position);
            if (position >= xml.Length || xml[position] != '<')
            {
                // Text outside the elements, or no closing member tag.
                return null;
            }

            if (string.CompareOrdinal(xml, position, "</member>", 0, 9) == 0)
            {
                return SkipWhitespace(xml, position + 9) == xml.Length ? elements : null;
            }

            string? tag = ReadTag(xml, ref position, closing: false);
            int close = tag is null ? -1 : xml.IndexOf('<', position);
            if (close < 0)
            {
                return null;
            }

            string text = xml.Substring(position, close - position);
            if (text.IndexOf('>') >= 0)
            {
                // XML writes it back as "&gt;".
                return null;
            }

            position = close;
            if (ReadTag(xml, ref position, closing: true) != tag)
            {
                return null;
            }

            elements.Add((tag!, text));
        }
    }

    // Printable ASCII, tabs and line breaks only, and no entity; declarations, comments and CDATA ('<!', '<?') fail ReadTag.
    private static bool IsPlain(string xml)
    {
        foreach (char c in xml)
        {
            if (!(c is (>= ' ' and <= '~') or '\n' or '\r' or '\t') || c == '&')
            {
                return false;
            }
        }

        return true;
    }

    // "<tag>", "<tag name=\"...\">" or "</tag>" with a name of ASCII letters only; null for anything else.
    private static string? ReadTag(string xml, ref int position, bool closing)
    {
        int start = position + (closing ? 2 : 1);
        if (start > xml.Length || xml[position] != '<' || (closing && xml[position + 1] != '/'))
        {
            return null;
        }

        int end = start;
        while (end < xml.Length && xml[end] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
        {
            end++;
        }

        if (end == start)
        {
            return null;
        }

        string name = xml.Substring(start, end - start);
        if (!closing && string.CompareOrdinal(xml, end, NameAttribute, 0, NameAttribute.Length) == 0)
        {
            // <param name="Value">: one name attribute, double-quoted, is how the compiler's own tags come.
            int quote = xml.IndexOf('"', end + NameAttribute.Length);
            if (quote < 0 || xml.IndexOf('<', end, quote - end) >= 0)
            {
                return null;
            }

            end = quote + 1;
        }

        if (end >= xml.Length || xml[end] != '>')
        {
            return null;
        }

        position = end + 1;
        return name;
    }

    private static int SkipWhitespace(string xml, int position)
    {
        while (position < xml.Length && xml[position] is ' ' or '\n' or '\r' or '\t')
        {
            position++;
        }

        return position;
    }
}
