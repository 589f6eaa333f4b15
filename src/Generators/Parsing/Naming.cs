using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Parsing;

/// <summary>The naming rules: bus names from roots, handler and kind names from events.</summary>
internal static class Naming
{
    private const string EventSuffix = "Event";
    private const string EventsSuffix = "Events";

    /// <summary>
    /// The bus name derived from a root's name: without the interface 'I' (only before an uppercase letter, so
    /// <c>ISchedulerEvent</c> but not <c>Incident</c>), then without a trailing <c>Events</c> or <c>Event</c>.
    /// May be empty (a root named <c>Event</c>), which the caller reports.
    /// </summary>
    public static string BusNameOf(string rootName, bool isInterface)
    {
        string name = rootName;
        if (isInterface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        if (name.EndsWith(EventsSuffix, System.StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - EventsSuffix.Length);
        }

        return name.EndsWith(EventSuffix, System.StringComparison.Ordinal)
            ? name.Substring(0, name.Length - EventSuffix.Length)
            : name;
    }

    /// <summary>
    /// The event's stem: its name without a trailing <c>Event</c>, unless that leaves nothing (an event named
    /// <c>Event</c> keeps its name). The handler is <c>On</c> + stem; the kind enum member is the stem.
    /// </summary>
    public static string StemOf(string eventName)
        => eventName.Length > EventSuffix.Length && eventName.EndsWith(EventSuffix, System.StringComparison.Ordinal)
            ? eventName.Substring(0, eventName.Length - EventSuffix.Length)
            : eventName;

    /// <summary>
    /// Whether <paramref name="name"/> can stand as a C# identifier once escaped, spelled as it is: C# drops formatting
    /// characters (U+200B and the like) when it compares names, so <c>Foo\u200BBus</c> would be <c>FooBus</c> and no
    /// clash check on the string could see that.
    /// </summary>
    public static bool IsValidIdentifier(string? name)
        => !string.IsNullOrEmpty(name)
            && SyntaxFacts.IsValidIdentifier(name)
            && !name!.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format);

    /// <summary>Prefixes '@' to reserved keywords so <c>class</c> can be used as a name.</summary>
    public static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
