using System;
using System.IO;
using System.Linq;

namespace GeneratedBus.Testing;

/// <summary>
/// Where the calling test file is on disk. <c>[CallerFilePath]</c> gives it, unless the build mapped source paths
/// (<c>PathMap</c>, as deterministic CI builds do, to <c>/_/…</c>): then the file is looked for under the test
/// project's folder by the longest tail of the mapped path that exists there.
/// </summary>
internal static class TestFilePath
{
    /// <summary>The test file's real path.</summary>
    /// <exception cref="GeneratedCodeSnapshotException">It can be found neither as given nor under <paramref name="projectDirectory"/>.</exception>
    public static string Locate(string callerFilePath, string? projectDirectory)
    {
        if (File.Exists(callerFilePath))
        {
            return Path.GetFullPath(callerFilePath);
        }

        string[] segments = callerFilePath.Split('/', '\\').Where(s => s.Length > 0).ToArray();
        if (projectDirectory is not null)
        {
            for (int skip = 0; skip < segments.Length; skip++)
            {
                string candidate = Path.Combine([projectDirectory, .. segments.Skip(skip)]);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new GeneratedCodeSnapshotException(
            $"The test file {callerFilePath} is not on disk, so its snapshots cannot be found. "
            + "If the build maps source paths (PathMap, ContinuousIntegrationBuild), install the package's build targets so the project folder is known.");
    }
}
