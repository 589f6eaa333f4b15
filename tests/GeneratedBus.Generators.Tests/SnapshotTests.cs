using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;

namespace GeneratedBus.Generators.Tests;

/// <summary>The generated code, checked against the files in Snapshots/.</summary>
public class SnapshotTests
{
    [Fact]
    public void OneEvent() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.OneEvent));

    [Fact]
    public void Scheduler() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.Scheduler));

    [Fact]
    public void SparkScheduler() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.SparkScheduler));

    [Fact]
    public void TwoBuses() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.TwoBuses));

    [Fact]
    public void NestedNamespaces() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.NestedNamespaces));

    [Fact]
    public void RecordStructInterfaceRoot() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.RecordStructInterfaceRoot));

    [Fact]
    public void DocsCarriedOver() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.DocsCarriedOver));

    [Fact]
    public void NamedBus() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.NamedBus));

    [Fact]
    public void NonSealedHierarchy() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.NonSealedHierarchy));

    [Fact]
    public void KindMapHierarchy() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.KindMapHierarchy));

    [Fact]
    public void KeywordsAndUnicode() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.KeywordsAndUnicode));

    [Fact]
    public void GlobalNamespaceAndNestedRoot() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.GlobalNamespaceAndNestedRoot));

    [Fact]
    public void EventsLeftOut() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.EventsLeftOut));

    [Fact]
    public void ClassEvents() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.ClassEvents));

    // Without GenerateDocumentationFile the compiler gives no doc XML; the handlers still carry the docs, read from syntax.
    [Fact]
    public void DocsCarriedOverWithoutDocumentationFile() => Snapshot.Verify(GeneratorRun.For(TestCompilation.Create(
        new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, Microsoft.CodeAnalysis.DocumentationMode.None),
        SnapshotInputs.DocsCarriedOver)));

    [Fact]
    public void ListenerInterests() => Snapshot.Verify(GeneratorRun.For(SnapshotInputs.ListenerInterests));
}
