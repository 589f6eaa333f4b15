using System.Text;

namespace GeneratedBus.Generators.Model;

/// <summary>Builds file-safe, unique hint names from metadata names.</summary>
internal static class HintNames
{
    /// <summary>
    /// Keeps ASCII letters, digits, '_', '.' and '+', and writes any other UTF-16 unit as <c>-XXXX</c>: '-' never occurs
    /// in a metadata name, so distinct names stay distinct. A global-namespace root has no namespace part.
    /// </summary>
    public static string For(string metadataName)
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

        return builder.Append(".Bus.g.cs").ToString();
    }
}
