using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using GeneratedBus.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Diagnostics;

/// <summary>Every descriptor is documented, tracked in AnalyzerReleases and has its own test, under its stable ID.</summary>
public class DescriptorCatalogTests
{
    public static TheoryData<string> Ids => new(Descriptors().Select(d => d.Id));

    [Fact]
    public void IDs_are_unique_and_numbered_without_gaps()
    {
        string[] ids = Descriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => $"GB{i:0000}"), ids);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_docs_section_a_release_entry_and_a_test(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        string generators = Path.Combine(RepositoryRoot(), "src", "Generators");
        string releases = File.ReadAllText(Path.Combine(generators, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(generators, "AnalyzerReleases.Unshipped.md"));
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        Assert.Equal("GeneratedBus", descriptor.Category);
        // An absolute link into the repository the packages name, to the heading's GitHub anchor (## GB0001 -> #gb0001).
        Assert.Equal($"{RepositoryUrl()}/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", descriptor.HelpLinkUri);
        Assert.Contains($"\n## {id}\n", docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(
            $"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}",
            releases,
            StringComparison.Ordinal);
        Assert.Contains(
            typeof(DiagnosticTests).GetMethods(),
            m => m.Name.StartsWith(id + "_", StringComparison.Ordinal) && m.GetCustomAttributes().Any(a => a is FactAttribute));
    }

    private static DiagnosticDescriptor[] Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static string RepositoryUrl()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryRoot(), "Directory.Build.props"));
        int start = props.IndexOf("<RepositoryUrl>", StringComparison.Ordinal) + "<RepositoryUrl>".Length;
        return props[start..props.IndexOf("</RepositoryUrl>", start, StringComparison.Ordinal)];
    }

    // This file sits at tests/GeneratedBus.Generators.Tests/Diagnostics/.
    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
