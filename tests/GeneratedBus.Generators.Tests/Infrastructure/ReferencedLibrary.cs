using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Builds a class library in memory, generator included, as a project reference would give it to an app.</summary>
public static class ReferencedLibrary
{
    /// <summary>Compiles <paramref name="sources"/> as assembly <paramref name="name"/>, referencing <paramref name="references"/>.</summary>
    /// <returns>The library's image as a reference, with its generated types in it.</returns>
    public static MetadataReference Build(string name, string[] sources, params MetadataReference[] references)
        => BuildWarning(name, sources, [], references);

    /// <summary>
    /// Like <see cref="Build"/>, for a library whose generator warns: it must report exactly the warnings
    /// <paramref name="warningIds"/> (in any order), and no error.
    /// </summary>
    public static MetadataReference BuildWarning(string name, string[] sources, string[] warningIds, params MetadataReference[] references)
    {
        Compilation library = TestCompilation.Create(sources).WithAssemblyName(name).AddReferences(references);
        GeneratorRun run = GeneratorRun.For(library);
        Assert.Equal(
            warningIds.Order(System.StringComparer.Ordinal),
            run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning).Select(d => d.Id).Order(System.StringComparer.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Error);

        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, Snapshot.DescribeDiagnostics(emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll");
    }

    /// <summary>An app compilation of <paramref name="sources"/> referencing <paramref name="libraries"/>.</summary>
    public static Compilation App(string[] sources, params MetadataReference[] libraries)
        => TestCompilation.Create(sources).WithAssemblyName("App").AddReferences(libraries);
}
