namespace GeneratedBus.Generators.Model;

/// <summary>The shapes of value the generated JSON codec reads and writes.</summary>
internal enum CodecKind
{
    /// <summary><see cref="string"/>.</summary>
    String,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,

    /// <summary><see cref="byte"/>.</summary>
    Byte,

    /// <summary><see cref="sbyte"/>.</summary>
    SByte,

    /// <summary><see cref="short"/>.</summary>
    Int16,

    /// <summary><see cref="ushort"/>.</summary>
    UInt16,

    /// <summary><see cref="int"/>.</summary>
    Int32,

    /// <summary><see cref="uint"/>.</summary>
    UInt32,

    /// <summary><see cref="long"/>.</summary>
    Int64,

    /// <summary><see cref="ulong"/>.</summary>
    UInt64,

    /// <summary><see cref="float"/>.</summary>
    Single,

    /// <summary><see cref="double"/>.</summary>
    Double,

    /// <summary><see cref="decimal"/>.</summary>
    Decimal,

    /// <summary><c>System.DateTime</c>.</summary>
    DateTime,

    /// <summary><c>System.DateTimeOffset</c>.</summary>
    DateTimeOffset,

    /// <summary><c>System.TimeSpan</c>.</summary>
    TimeSpan,

    /// <summary><c>System.Guid</c>.</summary>
    Guid,

    /// <summary>An enum: written by member name, read by name or number.</summary>
    Enum,

    /// <summary><c>Nullable&lt;T&gt;</c> of a supported value type.</summary>
    Nullable,

    /// <summary>A one-dimensional array.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c> or a list interface it implements; read into a <c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary>A string-keyed dictionary or dictionary interface; read into a <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,

    /// <summary>A record, class or struct written as a JSON object of its members.</summary>
    Object,
}
