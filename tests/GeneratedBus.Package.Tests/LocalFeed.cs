using System;
using System.IO;
using System.Linq;
using System.Threading;

namespace GeneratedBus.Package.Tests;

/// <summary>
/// Packs every shipped package once, from a copy of the sources committed to a fresh git repository whose origin is
/// the project's GitHub URL (so SourceLink has a commit to point at), with <c>dotnet pack --artifacts-path</c>, into a
/// folder feed that consumer projects restore from.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private int _consumers;

    private static readonly string[] s_rootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "README.md"];

    public LocalFeed()
    {
        string root = RepositoryRoot.Find();
        string sources = Path.Combine(Work, "repo");
        Directory.CreateDirectory(sources);
        foreach (string file in s_rootFiles)
        {
            File.Copy(Path.Combine(root, file), Path.Combine(sources, file));
        }

        CopySources(Path.Combine(root, "src"), Path.Combine(sources, "src"));
        Commit = CommitAll(sources);

        Feed = Path.Combine(Work, "feed");
        string artifacts = Path.Combine(Work, "artifacts");
        foreach ((string _, string project) in ShippedPackages.All)
        {
            DotNetCli.Run(sources, "pack", project, "-c", "Release", "--artifacts-path", artifacts, "-o", Feed, $"-p:Version={Version}");
        }
    }

    /// <summary>A unique prerelease version keeps NuGet's global cache from serving an older build of the same version.</summary>
    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>The temporary folder everything here lives in.</summary>
    public string Work { get; } = Directory.CreateTempSubdirectory("generatedbus-package-").FullName;

    /// <summary>The folder feed holding every package and symbols package.</summary>
    public string Feed { get; }

    /// <summary>The commit the packed sources were committed as.</summary>
    public string Commit { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolsPackage(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    /// <summary>Copies the consumer project in <paramref name="template"/> to a fresh folder beside a nuget.config that finds the feed.</summary>
    public string CreateConsumer(string template)
    {
        string consumer = Path.Combine(Work, $"{template}-{Interlocked.Increment(ref _consumers)}");
        Directory.CreateDirectory(consumer);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, template)))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        // The machine's default sources stay; the local folder is added beside them.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="generatedbus-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the suite over it would hide the real result.
        }
    }

    private static string CommitAll(string sources)
    {
        GitCli.Run(sources, "init", "-q");
        GitCli.Run(sources, "remote", "add", "origin", ShippedPackages.RepositoryUrl);
        GitCli.Run(sources, "add", "-A");
        GitCli.Run(sources, "-c", "user.name=Package Tests", "-c", "user.email=package-tests@invalid", "commit", "-q", "-m", "sources as packed");
        return GitCli.Run(sources, "rev-parse", "HEAD").Trim();
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopySources(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

/// <summary>The suites that share one <see cref="LocalFeed"/>: packing is the slow part, so it happens once.</summary>
[CollectionDefinition(Name)]
public sealed class LocalFeedCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "Local feed";
}
