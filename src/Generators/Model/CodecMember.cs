namespace GeneratedBus.Generators.Model;

/// <summary>One member of a type the codec writes as an object.</summary>
/// <param name="JsonName">The JSON property name: the C# name, or the one [JsonPropertyName] gives.</param>
/// <param name="PropertyName">The property's name, keyword-escaped.</param>
/// <param name="Type">Its type, or <see langword="null"/> when the codec cannot handle it (then it is left out and diagnosed).</param>
/// <param name="Setter">How a read value reaches the object.</param>
/// <param name="ParameterIndex">For <see cref="CodecSetter.Constructor"/>, the parameter's position.</param>
/// <param name="IsRequired">Whether a line without it is malformed: <c>required</c>, or a non-nullable reference without a default.</param>
/// <param name="DefaultValue">For a constructor parameter with a default, that default as C#; else <see langword="null"/>.</param>
internal sealed record CodecMember(
    string JsonName,
    string PropertyName,
    CodecType? Type,
    CodecSetter Setter,
    int ParameterIndex,
    bool IsRequired,
    string? DefaultValue);

/// <summary>How the reader gives a member its value.</summary>
internal enum CodecSetter
{
    /// <summary>As a constructor argument.</summary>
    Constructor,

    /// <summary>In the object initializer (an init-only or <c>required</c> property): missing gets the type's default.</summary>
    Initializer,

    /// <summary>Assigned after construction, only when present, so a missing one keeps its initial value.</summary>
    Assignment,

    /// <summary>Through a <c>with</c> expression, only when present: an init-only property of a record that has an initializer.</summary>
    With,
}
