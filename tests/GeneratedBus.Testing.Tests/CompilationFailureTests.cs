using GeneratedBus.Testing;

namespace GeneratedBus.Testing.Tests;

public sealed class CompilationFailureTests
{
    [Fact]
    public void An_input_that_does_not_compile_fails_naming_the_error_with_file_and_line_and_writes_no_snapshot()
    {
        using var workspace = new Workspace();
        workspace.Write("Events/Broken.cs", "namespace Acme.Shop;\n\n[GeneratedBus.BusEvent] public sealed partial record OrderLost(Money Amount) : ShopEvent;\n");

        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => workspace.Check(accept: true));

        Assert.Contains("does not compile cleanly", failure.Message);
        Assert.Matches(@"Events[/\\]Broken\.cs\(3,\d+\): error CS0246: The type or namespace name 'Money' could not be found", failure.Message);
        Assert.Empty(workspace.SnapshotFiles());
    }

    [Fact]
    public void A_generator_diagnostic_fails_the_check_with_its_ID_file_and_line()
    {
        using var workspace = new Workspace();
        workspace.Write("Events/Struct.cs", "namespace Acme.Shop;\n\n[GeneratedBus.BusEvent] public struct NotARecord { }\n");

        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => workspace.Check(accept: true));

        Assert.Matches(@"Events[/\\]Struct\.cs\(3,\d+\): error GB0001: 'Acme\.Shop\.NotARecord' is marked \[BusEvent\]", failure.Message);
        Assert.Empty(workspace.SnapshotFiles());
    }

    [Fact]
    public void A_pattern_that_matches_no_file_fails_saying_so()
    {
        using var workspace = new Workspace();

        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => workspace.Check(accept: true, sources: "../Event/*.cs"));

        Assert.Contains("The source pattern '../Event/*.cs' matches no file", failure.Message);
    }

    [Fact]
    public void A_warning_in_the_users_own_code_does_not_fail_the_check()
    {
        using var workspace = new Workspace();
        // CS0108-free, but an undocumented public type: CS1591 under a documentation file, which the real build only warns about.
        workspace.Write("Events/Undocumented.cs", "namespace Acme.Shop;\n\n[GeneratedBus.BusEvent] public sealed partial record OrderHeld(int OrderId) : ShopEvent;\n");

        workspace.Check(accept: true);

        Assert.Equal(Workspace.VerifiedNames, workspace.SnapshotFiles());
    }
}
