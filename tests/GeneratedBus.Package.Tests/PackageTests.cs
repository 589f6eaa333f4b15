using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace GeneratedBus.Package.Tests;

/// <summary>
/// Packs src/Runtime as users get it and builds a fresh console project that references only that package from a
/// local folder feed: the generator must arrive as an analyzer, the generated bus must dispatch, and the compiler's
/// own suppression must reach the generator's diagnostics.
/// </summary>
public sealed class PackageTests : IDisposable
{
    // A unique prerelease version keeps NuGet's global cache from serving an older build of the same version.
    private readonly string _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
    private readonly string _work = Directory.CreateTempSubdirectory("generatedbus-package-").FullName;

    [Fact]
    public void Pack_yields_one_package_with_the_library_and_the_generator_as_an_analyzer()
    {
        string package = Pack();

        using ZipArchive zip = ZipFile.OpenRead(package);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net8.0/GeneratedBus.dll", entries);
        Assert.Contains("lib/net10.0/GeneratedBus.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/GeneratedBus.Generators.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("GeneratedBus.Generators.dll", StringComparison.Ordinal));

        string nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("GeneratedBus.Generators", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_project_referencing_only_the_package_builds_and_dispatches()
    {
        string consumer = CreateConsumer();

        string output = DotNetCli.Run(consumer, "run", "-c", "Release", $"-p:GeneratedBusVersion={_version}");

        Assert.Contains("amount=15 shipped=1 posted=3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pragma_in_the_consuming_project_suppresses_a_generator_error_in_a_real_build()
    {
        string consumer = CreateConsumer();
        // GB0001 is an error: unsuppressed, it fails the build. GB0011, a warning, shows the build reports GB diagnostics.
        File.WriteAllText(Path.Combine(consumer, "Suppressed.cs"), """
            using GeneratedBus;

            namespace Consumer;

            #pragma warning disable GB0001 // what the test proves: a pragma reaches the generator's diagnostics
            [BusEvent] public struct NotARecord { }
            #pragma warning restore GB0001

            [BusEvent, System.Obsolete("Gone.", true)] public sealed record Gone(int OrderId) : ShopEvent;
            """);

        // Warnings stay warnings here, so that GB0011 is printed rather than failing the build.
        string output = DotNetCli.Run(consumer, "build", "-c", "Release", $"-p:GeneratedBusVersion={_version}", "-p:TreatWarningsAsErrors=false");

        Assert.Contains("warning GB0011", output, StringComparison.Ordinal);
        Assert.DoesNotContain("GB0001", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }

    /// <summary>Packs the sources and copies the consumer project beside a nuget.config that finds the package.</summary>
    private string CreateConsumer()
    {
        string feed = Path.GetDirectoryName(Pack())!;
        string consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        // The machine's default sources stay; the local folder is added beside them.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="generatedbus-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    /// <summary>Packs a copy of the sources, so this suite never writes into the tree the outer build uses.</summary>
    private string Pack()
    {
        string root = RepositoryRoot.Find();
        string copy = Path.Combine(_work, "repo");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "README.md" })
        {
            Directory.CreateDirectory(copy);
            File.Copy(Path.Combine(root, file), Path.Combine(copy, file));
        }

        CopySources(Path.Combine(root, "src"), Path.Combine(copy, "src"));
        string feed = Path.Combine(_work, "feed");
        DotNetCli.Run(copy, "pack", "src/Runtime/GeneratedBus.csproj", "-c", "Release", "-o", feed, $"-p:Version={_version}");
        return Path.Combine(feed, $"GeneratedBus.{_version}.nupkg");
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopySources(dir, Path.Combine(to, name));
            }
        }
    }
}
