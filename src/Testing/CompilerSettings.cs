using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Testing;

/// <summary>
/// The compiler settings of a snapshot's compilation: the test project's, as <c>build/GeneratedBus.Testing.targets</c>
/// recorded them in its assembly, overridden by <see cref="SnapshotSettings"/>.
/// </summary>
internal sealed record CompilerSettings(
    LanguageVersion LanguageVersion,
    NullableContextOptions Nullable,
    DocumentationMode DocumentationMode,
    IReadOnlyList<string> GlobalUsings,
    Version TargetFramework,
    string? ProjectDirectory)
{
    private const string MetadataPrefix = "GeneratedBus.Testing.";

    /// <summary>What <c>ImplicitUsings</c> adds in a <c>Microsoft.NET.Sdk</c> project.</summary>
    public static IReadOnlyList<string> SdkImplicitUsings { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The settings recorded in <paramref name="testAssembly"/>, overridden by <paramref name="overrides"/>.</summary>
    public static CompilerSettings For(Assembly testAssembly, SnapshotSettings overrides) =>
        From(Recorded(testAssembly), overrides);

    /// <summary>The settings of <paramref name="recorded"/> MSBuild properties, overridden by <paramref name="overrides"/>.</summary>
    public static CompilerSettings From(IReadOnlyDictionary<string, string> recorded, SnapshotSettings overrides)
    {
        string? Get(string name) => recorded.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

        string langVersion = overrides.LangVersion ?? Get("LangVersion") ?? "default";
        if (!LanguageVersionFacts.TryParse(langVersion, out LanguageVersion language))
        {
            language = NewerThanKnown(langVersion)
                ? LanguageVersion.Preview
                : throw new GeneratedCodeSnapshotException($"LangVersion '{langVersion}' is not a C# version this compiler knows.");
        }

        bool implicitUsings = overrides.ImplicitUsings ?? IsOn(Get("ImplicitUsings"));
        IEnumerable<string> usings = implicitUsings ? SdkImplicitUsings : [];
        bool documented = overrides.GenerateDocumentationFile ?? IsOn(Get("GenerateDocumentationFile"));
        string framework = overrides.TargetFrameworkVersion ?? Get("TargetFrameworkVersion") ?? $"v{Environment.Version.Major}.0";
        return new CompilerSettings(
            language,
            ParseNullable(overrides.Nullable ?? Get("Nullable")),
            // What the compiler does: diagnosed docs with a documentation file, none without one.
            documented ? DocumentationMode.Diagnose : DocumentationMode.None,
            usings.Concat(overrides.GlobalUsings).Distinct(StringComparer.Ordinal).ToArray(),
            Version.TryParse(framework.TrimStart('v', 'V'), out Version? version) ? version : Environment.Version,
            Get("ProjectDirectory"));
    }

    /// <summary>Parse options as the project's compiler would use them.</summary>
    public CSharpParseOptions ParseOptions => new(LanguageVersion, DocumentationMode);

    // A project's default for a framework newer than this compiler (C# 14 for net10.0) is what the compiler has as
    // preview, the closest it can parse: the snapshot's input then compiles as the project's newer compiler takes it.
    private static bool NewerThanKnown(string langVersion) =>
        Version.TryParse(langVersion.Contains('.', StringComparison.Ordinal) ? langVersion : langVersion + ".0", out Version? version)
        && version.Major > int.Parse(LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString().Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)
        && version.Major < 100;

    private static Dictionary<string, string> Recorded(Assembly testAssembly) => testAssembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
        .GroupBy(a => a.Key[MetadataPrefix.Length..], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);

    private static bool IsOn(string? value) =>
        string.Equals(value, "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static NullableContextOptions ParseNullable(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "disable" => NullableContextOptions.Disable,
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => throw new GeneratedCodeSnapshotException($"Nullable '{value}' is not one of enable, disable, warnings or annotations."),
    };
}
