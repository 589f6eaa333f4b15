using System.Text;

namespace GeneratedBus.Generators.Model;

/// <summary>Builds file-safe, unique hint names from metadata names.</summary>
internal static class HintNames
{
    /// <summary>
    /// Keeps ASCII letters, digits, '_', '.' and '+', and writes any other UTF-16 unit as <c>-XXXX</c>: '-' never occurs
    /// in a metadata name, so distinct names stay distinct. A global-namespace root has no namespace part.
    /// </summary>
    /// <param name="metadataName">The root's metadata name.</param>
    /// <param name="occurrence">
    /// 1 for the first root with this name ignoring case; Roslyn compares hint names ignoring case, so a later one
    /// (<c>schedulerEvent</c> after <c>SchedulerEvent</c>) gets <c>.2</c>, which no identifier can produce.
    /// </param>
    public static string For(string metadataName, int occurrence = 1)
    {
        var builder = new StringBuilder(metadataName.Length + 10);
        foreach (char c in metadataName)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '+')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('-').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (occurrence > 1)
        {
            builder.Append('.').Append(occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append(".Bus.g.cs").ToString();
    }
}
