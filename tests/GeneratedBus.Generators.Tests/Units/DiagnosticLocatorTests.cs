using GeneratedBus.Generators.Diagnostics;
using System.Linq;
using GeneratedBus.Generators.Model;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GeneratedBus.Generators.Tests.Units;

/// <summary>
/// Putting diagnostics in their trees on its own: a file that is gone, that has changed under the span, or whose path
/// names two trees gets the path-and-span location it had before, and nothing throws.
/// </summary>
public class DiagnosticLocatorTests
{
    private const string Source = "namespace Acme;\npublic sealed class Plain { }\n";

    // "Plain" on the second line.
    private static readonly TextSpan s_span = new(Source.IndexOf("Plain", System.StringComparison.Ordinal), 5);
    private static readonly LinePositionSpan s_lineSpan = new(new LinePosition(1, 20), new LinePosition(1, 25));

    [Fact]
    public void A_diagnostic_goes_into_the_tree_of_its_file()
    {
        Compilation compilation = TestCompilation.Create(Source, Source);

        Location location = LocateOne(compilation, new DiagnosticLocation("Input1.cs", s_span, s_lineSpan));

        Assert.Same(compilation.SyntaxTrees.Single(t => t.FilePath == "Input1.cs"), location.SourceTree);
        Assert.Equal(s_span, location.SourceSpan);
    }

    [Theory]
    [InlineData("Gone.cs", Source)]
    [InlineData("Input0.cs", "namespace Acme;\n")]
    [InlineData("Input0.cs", "namespace Acme;\n\n\npublic sealed class Plain { }\n")]
    public void A_file_that_left_the_compilation_or_changed_under_the_span_gets_its_path_and_span(string path, string source)
    {
        Location location = LocateOne(TestCompilation.Create(source), new DiagnosticLocation(path, s_span, s_lineSpan));

        AssertExternal(location, path);
    }

    [Fact]
    public void A_path_that_names_two_trees_gets_its_path_and_span()
    {
        Compilation compilation = TestCompilation.Create(Source).AddSyntaxTrees(TestCompilation.Parse(Source, "Input0.cs"));

        AssertExternal(LocateOne(compilation, new DiagnosticLocation("Input0.cs", s_span, s_lineSpan)), "Input0.cs");
    }

    [Fact]
    public void A_diagnostic_without_a_location_stays_without_one()
        => Assert.Equal(Location.None, LocateOne(TestCompilation.Create(Source), null));

    private static Location LocateOne(Compilation compilation, DiagnosticLocation? location)
    {
        var info = DiagnosticInfo.Create(DiagnosticDescriptors.NotARecord, location, "Acme.Plain");
        EquatableArray<Diagnostic> located = DiagnosticLocator.Locate(new EquatableArray<DiagnosticInfo>([info]), compilation);
        return Assert.Single(located).Location;
    }

    private static void AssertExternal(Location location, string path)
    {
        Assert.Equal(LocationKind.ExternalFile, location.Kind);
        Assert.Equal(path, location.GetLineSpan().Path);
        Assert.Equal(s_lineSpan, location.GetLineSpan().Span);
    }
}
