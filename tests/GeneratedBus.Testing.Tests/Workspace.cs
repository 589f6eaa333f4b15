using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GeneratedBus.Testing;

namespace GeneratedBus.Testing.Tests;

/// <summary>
/// A throwaway folder laid out like a user's repository: event files under <c>Events/</c>, and a test file
/// <c>Tests/ShopTests.cs</c> whose <c>Snapshots/</c> folder the checks read and write.
/// </summary>
public sealed class Workspace : IDisposable
{
    public const string Method = "Generated_code";

    /// <summary>A record root and two events, documented.</summary>
    public const string ShopEvents = """
        using GeneratedBus;

        namespace Acme.Shop;

        /// <summary>Something that happened in the shop.</summary>
        public abstract partial record ShopEvent;

        /// <summary>An order was placed.</summary>
        /// <param name="OrderId">The order.</param>
        [BusEvent] public sealed partial record OrderPlaced(int OrderId) : ShopEvent;

        /// <summary>An order shipped.</summary>
        /// <param name="OrderId">The order.</param>
        [BusEvent] public sealed partial record OrderShipped(int OrderId) : ShopEvent;
        """;

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "generatedbus-testing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "Tests"));
        File.WriteAllText(TestFile, "// stands in for the user's test class\n");
        Write("Events/ShopEvents.cs", ShopEvents);
    }

    public string Root { get; }

    public string TestFile => Path.Combine(Root, "Tests", "ShopTests.cs");

    public string SnapshotDirectory => Path.Combine(Root, "Tests", "Snapshots");

    /// <summary>The verified file of the shop bus, as Verify.SourceGenerators names it.</summary>
    public string BusVerified => Path.Combine(SnapshotDirectory, $"ShopTests.{Method}#Acme.Shop.ShopEvent.Bus.g.verified.cs");

    /// <summary>The verified file of the shop bus's JSON codec, the generator's second file per bus.</summary>
    public string CodecVerified => Path.Combine(SnapshotDirectory, $"ShopTests.{Method}#Acme.Shop.ShopEvent.JsonCodec.g.verified.cs");

    /// <summary>The names of both verified files of the shop bus.</summary>
    public static string[] VerifiedNames => [$"ShopTests.{Method}#Acme.Shop.ShopEvent.Bus.g.verified.cs", $"ShopTests.{Method}#Acme.Shop.ShopEvent.JsonCodec.g.verified.cs"];

    public string BusReceived => Path.Combine(SnapshotDirectory, $"ShopTests.{Method}#Acme.Shop.ShopEvent.Bus.g.received.cs");

    public void Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public IReadOnlyList<string> SnapshotFiles() => Directory.Exists(SnapshotDirectory)
        ? Directory.GetFiles(SnapshotDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Runs the check as a test in <c>Tests/ShopTests.cs</c> would, with explicit settings and acceptance.</summary>
    public void Check(bool accept, string sources = "../Events/*.cs", Dictionary<string, string>? recorded = null, SnapshotSettings? settings = null)
    {
        settings ??= new SnapshotSettings();
        CompilerSettings compiler = CompilerSettings.From(recorded ?? Recorded(), settings);
        GeneratedCodeSnapshot.Check(compiler, [sources], settings, TestFile, Method, accept);
    }

    /// <summary>What the build targets record for a net10.0 project with the repository's usual settings.</summary>
    public static Dictionary<string, string> Recorded(string implicitUsings = "disable", string documentationFile = "true", string langVersion = "latest") => new()
    {
        ["LangVersion"] = langVersion,
        ["Nullable"] = "enable",
        ["ImplicitUsings"] = implicitUsings,
        ["GenerateDocumentationFile"] = documentationFile,
        ["TargetFrameworkVersion"] = "v10.0",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
