using System;
using System.IO;

namespace GeneratedBus.Package.Tests;

/// <summary>Finds the repository from the test's output folder, so the suite packs the sources it was built from.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeneratedBus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GeneratedBus.sln was not found above " + AppContext.BaseDirectory);
    }
}
