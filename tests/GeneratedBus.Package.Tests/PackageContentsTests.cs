using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GeneratedBus.Package.Tests;

/// <summary>What each package carries, read from the .nupkg and .snupkg files in the local feed.</summary>
[Collection(LocalFeedCollection.Name)]
public sealed partial class PackageContentsTests(LocalFeed feed)
{
    public static TheoryData<string> Ids => new(ShippedPackages.All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_carries_its_own_short_readme_with_absolute_links(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package(id));
        string readme = ReadEntry(zip, "README.md");

        Assert.Equal("README.md", Nuspec(zip).Element("readme")?.Value);
        Assert.StartsWith("# " + id + "\n", readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(readme.Length < 4_000, $"{id}'s README is {readme.Length} characters; a package page wants a short one.");
        string[] links = MarkdownLink().Matches(readme).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(ShippedPackages.RepositoryUrl + "/", link, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_names_its_licence_and_the_commit_it_was_built_from(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package(id));
        XElement metadata = Nuspec(zip);

        XElement license = Assert.Single(metadata.Elements("license"));
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal(ShippedPackages.RepositoryUrl, metadata.Element("projectUrl")?.Value);
        XElement repository = Assert.Single(metadata.Elements("repository"));
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(ShippedPackages.RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(feed.Commit, repository.Attribute("commit")?.Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_has_xml_docs_and_a_symbols_package_whose_pdbs_link_to_the_sources_on_GitHub(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package(id));
        using ZipArchive symbols = ZipFile.OpenRead(feed.SymbolsPackage(id));
        string[] assemblies = zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal) && n.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        // The GitHub provider maps the repository to raw file URLs at the packed commit.
        byte[] sourceLink = Encoding.UTF8.GetBytes($"https://raw.githubusercontent.com/generatedbus/generatedbus/{feed.Commit}/");

        Assert.NotEmpty(assemblies);
        // GeneratedBus.Testing runs the generator, so it carries it beside its own assembly.
        string[] own = id == "GeneratedBus.Testing" ? [id, "GeneratedBus.Generators"] : [id];
        Assert.All(assemblies, a => Assert.Contains(Path.GetFileNameWithoutExtension(a), own));
        foreach (string assembly in assemblies)
        {
            Assert.NotNull(zip.GetEntry(Path.ChangeExtension(assembly, ".xml")));
            byte[] pdb = ReadBytes(symbols, Path.ChangeExtension(assembly, ".pdb"));
            Assert.True(pdb.AsSpan().IndexOf(sourceLink) >= 0, $"{assembly}'s pdb has no SourceLink to {Encoding.UTF8.GetString(sourceLink)}");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void No_framework_group_takes_Microsoft_Extensions_newer_than_its_framework(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package(id));

        foreach (XElement group in Nuspec(zip).Element("dependencies")!.Elements("group"))
        {
            int frameworkMajor = FrameworkMajor(group.Attribute("targetFramework")!.Value);
            Assert.All(
                group.Elements("dependency").Where(d => d.Attribute("id")!.Value.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)),
                d => Assert.True(
                    new Version(d.Attribute("version")!.Value.Split('-')[0]).Major <= frameworkMajor,
                    $"{id}'s {group.Attribute("targetFramework")!.Value} group takes {d.Attribute("id")!.Value} {d.Attribute("version")!.Value}"));
        }
    }

    [Fact]
    public void GeneratedBus_Hosting_for_net8_depends_on_the_8_0_abstractions()
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package("GeneratedBus.Hosting"));
        Dictionary<string, XElement[]> groups = Nuspec(zip).Element("dependencies")!.Elements("group")
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements("dependency").ToArray());

        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        XElement[] extensions = groups["net8.0"].Where(d => d.Attribute("id")!.Value.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, extensions.Length);
        Assert.All(extensions, d => Assert.StartsWith("8.0.", d.Attribute("version")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedBus_carries_the_generator_built_for_Roslyn_4_8_and_for_4_14_and_the_compiler_check()
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package("GeneratedBus"));
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

        Assert.Equal(
            ["analyzers/dotnet/roslyn4.14/cs/GeneratedBus.Generators.dll", "analyzers/dotnet/roslyn4.8/cs/GeneratedBus.Generators.dll"],
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(new Version(4, 8, 0, 0), RoslynVersionReferencedBy(ReadBytes(zip, "analyzers/dotnet/roslyn4.8/cs/GeneratedBus.Generators.dll")));
        Assert.Equal(new Version(4, 14, 0, 0), RoslynVersionReferencedBy(ReadBytes(zip, "analyzers/dotnet/roslyn4.14/cs/GeneratedBus.Generators.dll")));
        Assert.Contains("buildTransitive/GeneratedBus.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("GeneratedBus.Generators.dll", StringComparison.Ordinal));
        string nuspec = Nuspec(zip).ToString();
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("GeneratedBus.Generators", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedBus_Hosting_depends_on_GeneratedBus_with_its_analyzers_and_build_files()
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package("GeneratedBus.Hosting"));

        XElement[] onRuntime = Nuspec(zip).Descendants("dependency").Where(d => d.Attribute("id")?.Value == "GeneratedBus").ToArray();

        Assert.Equal(2, onRuntime.Length);
        Assert.All(onRuntime, d => Assert.Equal(feed.Version, d.Attribute("version")?.Value));
        // An exclude of Analyzers or Build would leave an app that references only Hosting without the generator.
        Assert.All(onRuntime, d => Assert.Null(d.Attribute("exclude")));
    }

    [Fact]
    public void GeneratedBus_Testing_carries_the_generator_and_its_build_targets_and_depends_on_GeneratedBus()
    {
        using ZipArchive zip = ZipFile.OpenRead(feed.Package("GeneratedBus.Testing"));
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("build/GeneratedBus.Testing.targets", entries);
        Assert.Contains("lib/net8.0/GeneratedBus.Generators.dll", entries);
        Assert.Contains("lib/net10.0/GeneratedBus.Generators.dll", entries);
        Assert.Equal(new Version(4, 14, 0, 0), RoslynVersionReferencedBy(ReadBytes(zip, "lib/net10.0/GeneratedBus.Generators.dll")));
        XElement[] onRuntime = Nuspec(zip).Descendants("dependency").Where(d => d.Attribute("id")?.Value == "GeneratedBus").ToArray();
        Assert.Equal(2, onRuntime.Length);
        Assert.All(onRuntime, d => Assert.Equal(feed.Version, d.Attribute("version")?.Value));
        Assert.DoesNotContain(Nuspec(zip).Descendants("dependency"), d => d.Attribute("id")?.Value == "GeneratedBus.Generators");
    }

    /// <summary>The nuspec's metadata element, with the namespace stripped so elements are found by local name.</summary>
    private static XElement Nuspec(ZipArchive zip)
    {
        XElement package = XElement.Parse(ReadEntry(zip, zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName));
        foreach (XElement element in package.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
        }

        return package.Element("metadata")!;
    }

    /// <summary>8 for net8.0; no limit for monikers without a .NET version (netstandard2.0), which any line may serve.</summary>
    private static int FrameworkMajor(string targetFramework)
        => targetFramework.StartsWith("net", StringComparison.Ordinal) && char.IsDigit(targetFramework[3]) && targetFramework.Contains('.', StringComparison.Ordinal)
            ? int.Parse(targetFramework[3..targetFramework.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)
            : int.MaxValue;

    private static Version RoslynVersionReferencedBy(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Single(r => metadata.GetString(r.Name) == "Microsoft.CodeAnalysis")
            .Version;
    }

    private static string ReadEntry(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name)).TrimStart('\uFEFF');

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.");
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    // Inline Markdown links and images: [text](target).
    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
