using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>What the mutator inserts: the pieces of C# a half-typed or confused bus declaration is made of.</summary>
public static class FuzzVocabulary
{
    /// <summary>Every C# keyword and contextual keyword.</summary>
    public static IReadOnlyList<string> Keywords { get; } =
        SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Where(text => text.Length > 0)
            .Distinct()
            .OrderBy(text => text, System.StringComparer.Ordinal)
            .ToArray();

    /// <summary>Punctuation and operators, alone and in the pairs a declaration uses.</summary>
    public static IReadOnlyList<string> Punctuation { get; } =
    [
        "{", "}", "(", ")", "[", "]", "<", ">", ";", ",", ":", ".", "?", "!", "=", "=>", "::", "..", "*", "&",
        "()", "[]", "{ }", "<>", "<,>", "?.", "??", "@", "#", "\"", "'", "/*", "*/", "///", "//",
    ];

    /// <summary>Names: the seeds' own, generated ones, escaped keywords, non-ASCII and format characters.</summary>
    public static IReadOnlyList<string> Identifiers { get; } =
    [
        "JobStart", "JobEnd", "SchedulerEvent", "TaskEvent", "IMetricEvent", "PipelineEvent", "Racine", "SignalEvent",
        "JobsBus", "JobsListener", "IJobsListener", "JobsDispatcher", "JobsEventKind", "MetricBus", "OnJobStart",
        "OnOtherEvent", "OnEvent", "Other", "OtherEvent", "Event", "Events", "IEvent", "value__", "System", "GeneratedBus",
        "@class", "@event", "@record", "@namespace", "record", "var", "_", "global", "nameof", "value", "e", "listener",
        "Événement", "事件", "Ünïcödé", "\\u0041bc", "A\u200BB", "Ω", "x1", "__arglist", "Holder", "Outer", "T",
    ];

    /// <summary>Attribute names, spelled every way, and other attributes that change what the generator sees.</summary>
    public static IReadOnlyList<string> Attributes { get; } =
    [
        "[BusEvent]", "[EventBus]", "[BusEventAttribute]", "[EventBusAttribute]", "[GeneratedBus.BusEvent]",
        "[global::GeneratedBus.EventBus]", "[BE]", "[BusEvent, BusEvent]", "[EventBus(\"X\")]", "[BusEvent]\n[EventBus]",
        "[System.Obsolete]", "[System.Obsolete(\"x\", true)]", "[System.Diagnostics.CodeAnalysis.Experimental(\"EXP1\")]",
        "[System.Diagnostics.CodeAnalysis.Experimental(\"bad id\")]", "[type: BusEvent]", "[assembly: BusEvent]",
        "[return: EventBus]", "[System.Serializable]", "[BusEvent(", "[EventBus(\"",
    ];

    /// <summary>Generic, nullable and other type shapes.</summary>
    public static IReadOnlyList<string> TypeShapes { get; } =
    [
        "<T>", "<int>", "<T, U>", "<,>", "where T : class", "where T : SchedulerEvent", "?", "!", "int?", "string?[]",
        "List<int?>", "(int, int)", "int*", "delegate*<void>", "dynamic", "object", "record struct", "record class",
        "readonly record struct", "ref struct", "file sealed record", "abstract record", "static class", "interface",
        ": SchedulerEvent", ": IMetricEvent", ": Racine", "(int X)", "(int X) : SchedulerEvent", "partial record",
    ];

    /// <summary>Whole preprocessor lines; the mutator puts each on a line of its own.</summary>
    public static IReadOnlyList<string> Directives { get; } =
    [
        "#if DEBUG", "#if !DEBUG", "#if X", "#else", "#elif Y", "#endif", "#region r", "#endregion", "#define X", "#undef X",
        "#nullable enable", "#nullable disable", "#nullable restore", "#nullable enable warnings",
        "#pragma warning disable", "#pragma warning restore GB0001", "#pragma warning disable CS0618",
        "#line 1 \"Other.cs\"", "#line hidden", "#line default", "#error stop", "#warning careful", "#r \"x.dll\"",
    ];

    /// <summary>Arguments of the wrong type, or none, for the attributes' argument lists.</summary>
    public static IReadOnlyList<string> AttributeArguments { get; } =
    [
        "", "42", "null", "\"\"", "\"X\"", "\"not valid\"", "\"class\"", "\"Event\"", "\"Évènements\"", "\"A\u200BB\"",
        "typeof(int)", "true", "1.5", "'c'", "default", "nameof(JobStart)", "\"A\", \"B\"", "Name = \"X\"",
        "name: \"X\"", "new[] { 1 }", "(string)null", "\"Jobs\" + \"Bus\"", "System.String.Empty", "Missing",
    ];

    /// <summary>Every word, for plain insertion.</summary>
    public static IReadOnlyList<string> Words { get; } =
        Keywords.Concat(Punctuation).Concat(Identifiers).Concat(Attributes).Concat(TypeShapes).ToArray();
}
