using System.IO;
using System.Linq;
using GeneratedBus.Testing;

namespace GeneratedBus.Testing.Tests;

public sealed class SourceFilesTests
{
    [Fact]
    public void Globs_paths_and_semicolon_lists_expand_to_sorted_distinct_full_paths()
    {
        using var workspace = new Workspace();
        workspace.Write("Events/Orders/Placed.cs", "");
        workspace.Write("Events/Orders/Deep/Shipped.cs", "");
        workspace.Write("Events/Orders/notes.txt", "");
        string tests = Path.Combine(workspace.Root, "Tests");
        string Relative(string path) => Path.GetRelativePath(workspace.Root, path).Replace('\\', '/');

        Assert.Equal(
            ["Events/Orders/Deep/Shipped.cs", "Events/Orders/Placed.cs", "Events/ShopEvents.cs"],
            SourceFiles.Expand(["../Events/**/*.cs"], tests).Select(Relative));
        Assert.Equal(["Events/Orders/Placed.cs"], SourceFiles.Expand(["../Events/*/P?aced.cs"], tests).Select(Relative));
        Assert.Equal(
            ["Events/Orders/Placed.cs", "Events/ShopEvents.cs"],
            SourceFiles.Expand(["../Events/ShopEvents.cs; ../Events/Orders/*.cs;../Events/ShopEvents.cs"], tests).Select(Relative));
        Assert.Equal(
            ["Events/Orders/Deep/Shipped.cs", "Events/Orders/Placed.cs", "Events/Orders/notes.txt"],
            SourceFiles.Expand(["../Events/Orders/**"], tests).Select(Relative));
    }

    [Fact]
    public void A_mapped_test_file_path_is_found_under_the_project_folder()
    {
        using var workspace = new Workspace();

        // What [CallerFilePath] says under PathMap=/repo/=/_/ (deterministic CI builds).
        string found = TestFilePath.Locate("/_/tests/Shop.Tests/Tests/ShopTests.cs", workspace.Root);

        Assert.Equal(workspace.TestFile, found);
        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => TestFilePath.Locate("/_/tests/Shop.Tests/Missing.cs", workspace.Root));
        Assert.Contains("/_/tests/Shop.Tests/Missing.cs is not on disk", failure.Message);
    }
}
