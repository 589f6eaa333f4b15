using System.IO;
using System.Linq;
using GeneratedBus.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Testing.Tests;

public sealed class ConsumerSettingsTests
{
    private const string EventsUsingImplicitUsings = """
        namespace Acme.Shop;

        /// <summary>Something that happened in the shop.</summary>
        public abstract partial record ShopEvent;

        /// <summary>A basket was checked out.</summary>
        /// <param name="Items">What was in it: List comes from the implicit usings.</param>
        [GeneratedBus.BusEvent] public sealed partial record CheckedOut(List<string> Items) : ShopEvent;
        """;

    [Fact]
    public void The_settings_this_test_project_records_are_read_from_its_assembly()
    {
        // This project sets ImplicitUsings=enable and LangVersion=12.0, the repository Nullable=enable and no documentation file.
        CompilerSettings settings = CompilerSettings.For(typeof(ConsumerSettingsTests).Assembly, new SnapshotSettings());

        Assert.Equal(LanguageVersion.CSharp12, settings.LanguageVersion);
        Assert.Equal(NullableContextOptions.Enable, settings.Nullable);
        Assert.Equal(CompilerSettings.SdkImplicitUsings, settings.GlobalUsings);
        Assert.Equal(DocumentationMode.None, settings.DocumentationMode);
        Assert.Equal(10, settings.TargetFramework.Major);
        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!)), settings.ProjectDirectory);
    }

    [Fact]
    public void Explicit_settings_override_the_recorded_ones()
    {
        var overrides = new SnapshotSettings
        {
            LangVersion = "11.0",
            Nullable = "annotations",
            ImplicitUsings = false,
            GenerateDocumentationFile = true,
            TargetFrameworkVersion = "v8.0",
            GlobalUsings = ["Acme.Money"],
        };

        CompilerSettings settings = CompilerSettings.For(typeof(ConsumerSettingsTests).Assembly, overrides);

        Assert.Equal(LanguageVersion.CSharp11, settings.LanguageVersion);
        Assert.Equal(NullableContextOptions.Annotations, settings.Nullable);
        Assert.Equal(["Acme.Money"], settings.GlobalUsings);
        Assert.Equal(DocumentationMode.Diagnose, settings.DocumentationMode);
        Assert.Equal(8, settings.TargetFramework.Major);
    }

    [Fact]
    public void Events_relying_on_implicit_usings_compile_only_when_the_project_has_them()
    {
        using var workspace = new Workspace();
        workspace.Write("Events/ShopEvents.cs", EventsUsingImplicitUsings);

        workspace.Check(accept: true, recorded: Workspace.Recorded(implicitUsings: "enable"));
        Assert.Contains("OnCheckedOut", File.ReadAllText(workspace.BusVerified));

        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => workspace.Check(accept: true, recorded: Workspace.Recorded(implicitUsings: "disable")));
        Assert.Contains("error CS0246: The type or namespace name 'List<>' could not be found", failure.Message);
    }

    [Fact]
    public void The_language_version_is_the_projects()
    {
        using var workspace = new Workspace();

        workspace.Check(accept: true, recorded: Workspace.Recorded(langVersion: "10.0"));

        // The events use a file-scoped namespace, which is C# 10: a project on C# 9 cannot compile them, and the check says so.
        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => workspace.Check(accept: true, recorded: Workspace.Recorded(langVersion: "9.0")));
        Assert.Contains("C# 9.0", failure.Message);
        Assert.Matches(@"ShopEvents\.cs\(3,\d+\): error CS8773", failure.Message);
    }

    [Fact]
    public void The_documentation_mode_follows_GenerateDocumentationFile_and_changes_the_generated_code()
    {
        string[] files = [Path.Combine(Path.GetTempPath(), "generatedbus-docs-" + System.Guid.NewGuid().ToString("N") + ".cs")];
        File.WriteAllText(files[0], Workspace.ShopEvents.Replace("An order shipped.", "An order shipped, after <see cref=\"OrderPlaced\"/>.", System.StringComparison.Ordinal));
        try
        {
            string Generate(string documentationFile) => GeneratorRun
                .Generate(files, CompilerSettings.From(Workspace.Recorded(documentationFile: documentationFile), new SnapshotSettings()), [])
                .Single(file => file.HintName == "Acme.Shop.ShopEvent.Bus.g.cs").Text;

            string documented = Generate("true");
            string undocumented = Generate("false");

            // With a documentation file the compiler binds the cref; without one the generator copies the comment's text.
            Assert.Contains("An order shipped, after <see cref=\"T:Acme.Shop.OrderPlaced\" />.", documented);
            Assert.Contains("An order shipped, after <see cref=\"OrderPlaced\" />.", undocumented);
        }
        finally
        {
            File.Delete(files[0]);
        }
    }

    [Fact]
    public void A_language_version_newer_than_this_compiler_knows_compiles_as_its_preview()
    {
        // net10.0's default, C# 14, recorded by a project without LangVersion; this library's Roslyn knows up to 13.
        CompilerSettings settings = CompilerSettings.From(Workspace.Recorded(langVersion: "14.0"), new SnapshotSettings());

        Assert.Equal(LanguageVersion.Preview, settings.LanguageVersion);
    }

    [Fact]
    public void A_setting_the_compiler_does_not_know_fails_saying_which()
    {
        var failure = Assert.Throws<GeneratedCodeSnapshotException>(() => CompilerSettings.From(Workspace.Recorded(langVersion: "seven"), new SnapshotSettings()));
        Assert.Contains("LangVersion 'seven'", failure.Message);

        failure = Assert.Throws<GeneratedCodeSnapshotException>(() => CompilerSettings.From(Workspace.Recorded(), new SnapshotSettings { Nullable = "maybe" }));
        Assert.Contains("Nullable 'maybe'", failure.Message);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
