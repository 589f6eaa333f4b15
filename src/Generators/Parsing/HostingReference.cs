using System;
using System.IO;
using GeneratedBus.Generators.Planning;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>Finds the GeneratedBus.Hosting assembly among a compilation's references, without the compilation.</summary>
internal static class HostingReference
{
    /// <summary>Whether <paramref name="reference"/> is GeneratedBus.Hosting: a project reference by name, a file by its name.</summary>
    public static bool IsHosting(MetadataReference reference) => reference switch
    {
        CompilationReference compilation => string.Equals(compilation.Compilation.AssemblyName, HostingPlanner.HostingAssembly, StringComparison.Ordinal),
        PortableExecutableReference { FilePath: { } path } => string.Equals(Path.GetFileNameWithoutExtension(path), HostingPlanner.HostingAssembly, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
