using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// The simple names whose every declaration, in source or in a reference, the syntax walks count: where one of them
/// is declared only once, syntax can tell what it binds to.
/// </summary>
internal static class WatchedNames
{
    /// <summary>The mark, as written and with its suffix: <c>[BusEvent]</c> looks up both.</summary>
    public static readonly string[] Mark = { "BusEvent", "BusEventAttribute" };

    /// <summary>The <c>System</c> types the codec writes as primitives that members name without a keyword.</summary>
    public static readonly string[] SystemTypes = { "DateTime", "DateTimeOffset", "TimeSpan", "Guid" };

    /// <summary>Every watched name.</summary>
    public static readonly string[] All = { "BusEvent", "BusEventAttribute", "DateTime", "DateTimeOffset", "TimeSpan", "Guid" };

    /// <summary>The codec kind of <c>System.{<paramref name="name"/>}</c>, one of <see cref="SystemTypes"/>.</summary>
    public static CodecKind? SystemTypeKind(string name) => name switch
    {
        "DateTime" => CodecKind.DateTime,
        "DateTimeOffset" => CodecKind.DateTimeOffset,
        "TimeSpan" => CodecKind.TimeSpan,
        "Guid" => CodecKind.Guid,
        _ => null,
    };

    /// <summary>Whether <paramref name="name"/> is one of <paramref name="names"/>.</summary>
    public static bool IsOneOf(string[] names, string name) => System.Array.IndexOf(names, name) >= 0;
}
