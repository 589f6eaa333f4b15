namespace GeneratedBus.Generators.Model;

/// <summary>A type the codec writes as a JSON object: an event or a type nested in one.</summary>
/// <param name="TypeName">The <c>global::</c> name; also the key that identifies the shape in a bus.</param>
/// <param name="DisplayName">The name used in error messages.</param>
/// <param name="IsValueType">Whether it is a struct (never null).</param>
/// <param name="ParameterDefaults">One per parameter of its chosen constructor: what to pass when no member supplies it.</param>
/// <param name="Members">Its members, base-type members first, in declaration order.</param>
/// <param name="IsTuple">Whether it is a value tuple, built with a tuple literal rather than <c>new</c>.</param>
internal sealed record CodecShape(
    string TypeName,
    string DisplayName,
    bool IsValueType,
    EquatableArray<string> ParameterDefaults,
    EquatableArray<CodecMember> Members,
    bool IsTuple = false);
