using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GeneratedBus.Testing;

/// <summary>
/// Snapshot tests of the code GeneratedBus generates for your events. One call in a test runs the generator over your
/// event files, with your project's compiler settings, and checks each generated file against
/// <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c> beside the test file: Verify.SourceGenerators'
/// names and content, so the files stay yours if you move to Verify.
/// </summary>
/// <remarks>
/// A new or changed file is written as <c>.received.cs</c> next to the verified one and the test fails with a diff;
/// rename it to accept it, or run the tests with <c>GENERATEDBUS_ACCEPT=1</c> (ignored under <c>CI=true</c>).
/// </remarks>
public static class GeneratedCodeSnapshot
{
    /// <summary>Checks the code generated for the files <paramref name="sources"/> matches against the test's snapshots.</summary>
    /// <param name="sources">
    /// Paths or globs of your event files, relative to the test file's folder; several separated by <c>;</c>.
    /// <c>*</c> and <c>?</c> match within a folder name, <c>**</c> across folders: <c>../../src/Shop/Events/**/*.cs</c>.
    /// </param>
    /// <param name="settings">Overrides of the test project's compiler settings and of the snapshot files' place; null for none.</param>
    /// <param name="testFile">Filled in by the compiler: the calling test's file.</param>
    /// <param name="testMethod">Filled in by the compiler: the calling test method.</param>
    /// <exception cref="GeneratedCodeSnapshotException">
    /// The generated code differs from the snapshots, or the sources do not compile (the message lists each diagnostic with file and line).
    /// </exception>
    [MethodImpl(MethodImplOptions.NoInlining)] // so that GetCallingAssembly is the test's
    public static void Verify(
        string sources,
        SnapshotSettings? settings = null,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testMethod = "")
        => Check(Assembly.GetCallingAssembly(), [sources], settings ?? new SnapshotSettings(), testFile, testMethod, SnapshotAcceptance.FromEnvironment());

    /// <summary>Like <see cref="Verify(string, SnapshotSettings?, string, string)"/>, with the patterns as a list.</summary>
    /// <param name="sources">Paths or globs of your event files, relative to the test file's folder.</param>
    /// <param name="settings">Overrides of the test project's compiler settings and of the snapshot files' place; null for none.</param>
    /// <param name="testFile">Filled in by the compiler: the calling test's file.</param>
    /// <param name="testMethod">Filled in by the compiler: the calling test method.</param>
    /// <exception cref="GeneratedCodeSnapshotException">The generated code differs from the snapshots, or the sources do not compile.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Verify(
        IEnumerable<string> sources,
        SnapshotSettings? settings = null,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testMethod = "")
        => Check(Assembly.GetCallingAssembly(), sources, settings ?? new SnapshotSettings(), testFile, testMethod, SnapshotAcceptance.FromEnvironment());

    /// <summary>The check behind both <c>Verify</c> overloads, with the test assembly and the acceptance decision made explicit.</summary>
    internal static void Check(
        Assembly testAssembly, IEnumerable<string> sources, SnapshotSettings settings, string testFile, string testMethod, bool accept)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(CompilerSettings.For(testAssembly, settings), sources, settings, testFile, testMethod, accept);
    }

    /// <summary>The check with the compiler settings already resolved.</summary>
    internal static void Check(
        CompilerSettings compiler, IEnumerable<string> sources, SnapshotSettings settings, string testFile, string testMethod, bool accept)
    {
        ArgumentNullException.ThrowIfNull(sources);
        string testPath = TestFilePath.Locate(testFile, compiler.ProjectDirectory);
        string testDirectory = Path.GetDirectoryName(testPath)!;
        IReadOnlyList<string> files = SourceFiles.Expand(sources, testDirectory);
        IEnumerable<(string HintName, string Text)> generated = GeneratorRun.Generate(files, compiler, settings.References)
            .Where(file => settings.IncludeFile?.Invoke(file.HintName) ?? true);
        string prefix = (settings.TypeName ?? Path.GetFileNameWithoutExtension(testPath)) + "." + testMethod;
        SnapshotFiles.Check(generated, Path.Combine(testDirectory, settings.SnapshotDirectory), prefix, accept, settings.ScrubGeneratorVersion);
    }
}
