namespace GeneratedBus.Generators.Model;

/// <summary>A member or element type as the codec sees it.</summary>
/// <param name="Kind">Its shape.</param>
/// <param name="TypeName">The <c>global::</c> name, inner nullable annotations kept, without a top-level <c>?</c>.</param>
/// <param name="IsReference">Whether a value can be <see langword="null"/> at run time (a class), so null is written and read.</param>
/// <param name="AllowsNull">Whether the declaration allows null (annotated, or nullable-oblivious); else a JSON null is an error.</param>
/// <param name="Element">The element, value or underlying type of a collection, dictionary, nullable or enum.</param>
/// <param name="EnumNames">For an enum, its member names, one per distinct value.</param>
/// <param name="IsInterface">For a list or dictionary: whether it is declared as an interface (read into the concrete type).</param>
internal sealed record CodecType(
    CodecKind Kind,
    string TypeName,
    bool IsReference,
    bool AllowsNull,
    CodecType? Element,
    EquatableArray<string> EnumNames,
    bool IsInterface)
{
    /// <summary>A key that tells apart the generated helpers one type needs.</summary>
    public string HelperKey => Kind + ":" + TypeName;
}
