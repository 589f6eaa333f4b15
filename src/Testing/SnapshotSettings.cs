using System;
using System.Collections.Generic;
using System.Reflection;

namespace GeneratedBus.Testing;

/// <summary>
/// Overrides for one snapshot check. Every setting left null comes from the test project, as recorded by the
/// package's build targets (<c>LangVersion</c>, <c>Nullable</c>, <c>ImplicitUsings</c>,
/// <c>GenerateDocumentationFile</c>, target framework), so set one only where the project that declares your events
/// differs from your test project.
/// </summary>
public sealed class SnapshotSettings
{
    /// <summary>The C# language version, as in MSBuild's <c>LangVersion</c>: <c>12.0</c>, <c>latest</c>, <c>preview</c>…</summary>
    public string? LangVersion { get; init; }

    /// <summary>The nullable context, as in MSBuild's <c>Nullable</c>: <c>enable</c>, <c>disable</c>, <c>warnings</c> or <c>annotations</c>.</summary>
    public string? Nullable { get; init; }

    /// <summary>Whether the SDK's implicit global usings (System, System.Linq, System.Threading.Tasks…) apply.</summary>
    public bool? ImplicitUsings { get; init; }

    /// <summary>
    /// Whether the project writes an XML documentation file. It decides the compiler's documentation mode, which
    /// changes how the generator carries your doc comments over.
    /// </summary>
    public bool? GenerateDocumentationFile { get; init; }

    /// <summary>The target framework's version, as in MSBuild's <c>TargetFrameworkVersion</c> (<c>v8.0</c>, <c>v10.0</c>); it picks the reference assemblies.</summary>
    public string? TargetFrameworkVersion { get; init; }

    /// <summary>Global usings beyond the implicit ones, as a project's <c>&lt;Using Include="…" /&gt;</c> items add them.</summary>
    public IReadOnlyList<string> GlobalUsings { get; init; } = [];

    /// <summary>
    /// Assemblies your events need besides the framework and GeneratedBus, with the assemblies they reference. Add
    /// GeneratedBus.Hosting's here when your project uses it but your test project does not, so the hosting file is generated too.
    /// </summary>
    public IReadOnlyList<Assembly> References { get; init; } = [];

    /// <summary>
    /// Which generated files to check, by hint name (<c>Shop.Orders.OrderEvent.Bus.g.cs</c>,
    /// <c>Shop.Orders.OrderEvent.JsonCodec.g.cs</c>…); null, the default, checks every file the generator writes.
    /// </summary>
    public Func<string, bool>? IncludeFile { get; init; }

    /// <summary>The folder of the snapshot files; relative paths are from the test file's folder. Default: <c>Snapshots</c>.</summary>
    public string SnapshotDirectory { get; init; } = "Snapshots";

    /// <summary>The files' first name part; default: the test file's name, which by convention is its class's name, as Verify uses.</summary>
    public string? TypeName { get; init; }

    /// <summary>
    /// Whether the generator's version in <c>[GeneratedCode]</c> is written as <c>{GeneratorVersion}</c>, so that an
    /// upgrade changes a snapshot only when the code really changes. Default: true.
    /// </summary>
    public bool ScrubGeneratorVersion { get; init; } = true;
}
