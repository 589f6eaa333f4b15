using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Builds a class library in memory, generator included, as a project reference would give it to an app.</summary>
public static class ReferencedLibrary
{
    /// <summary>Compiles <paramref name="sources"/> as assembly <paramref name="name"/>, referencing <paramref name="references"/>.</summary>
    /// <returns>The library's image as a reference, with its generated types in it.</returns>
    public static MetadataReference Build(string name, string[] sources, params MetadataReference[] references)
    {
        Compilation library = TestCompilation.Create(sources).WithAssemblyName(name).AddReferences(references);
        GeneratorRun run = GeneratorRun.For(library);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, Snapshot.DescribeDiagnostics(emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll");
    }

    /// <summary>An app compilation of <paramref name="sources"/> referencing <paramref name="libraries"/>.</summary>
    public static Compilation App(string[] sources, params MetadataReference[] libraries)
        => TestCompilation.Create(sources).WithAssemblyName("App").AddReferences(libraries);
}
