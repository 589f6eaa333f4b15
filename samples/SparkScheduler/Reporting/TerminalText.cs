using System.Text;

namespace SparkScheduler.Reporting;

/// <summary>
/// Text from a log, made safe to print: control characters (escape sequences that could move the cursor, retitle the
/// window or hide what follows, line breaks that could forge output lines) are shown as <c>\uXXXX</c>.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
            {
                safe ??= new StringBuilder(text, 0, i, text.Length + 8);
                safe.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? text;
    }
}
