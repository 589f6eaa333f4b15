using System;
using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests;

/// <summary>
/// The hosting file (services.Add{Bus}Bus, healthChecks.Add{Bus}BusCheck): emitted only when GeneratedBus.Hosting is
/// referenced, checked against Snapshots/, and compiled with zero diagnostics.
/// </summary>
public class HostingSnapshotTests
{
    private const string TwoBusesSameName = """
        using GeneratedBus;

        namespace Acme.Orders
        {
            public abstract record OrderEvent;

            [BusEvent]
            public sealed record OrderPlaced(int Id) : OrderEvent;
        }

        namespace Acme.Legacy
        {
            internal abstract record OrderEvent;

            [BusEvent]
            internal sealed record OrderPlaced(int Id) : OrderEvent;
        }
        """;

    [Fact]
    public void OneEvent() => Snapshot.Verify(GeneratorRun.For(TestCompilation.WithHosting(SnapshotInputs.OneEvent)));

    [Fact]
    public void TwoBusesSharingABusName() => Snapshot.Verify(GeneratorRun.For(TestCompilation.WithHosting(TwoBusesSameName)));

    [Theory]
    [MemberData(nameof(SnapshotInputs.All), MemberType = typeof(SnapshotInputs))]
    public void With_hosting_referenced_every_input_compiles_without_any_diagnostic(string input)
    {
        GeneratorRun run = GeneratorRun.For(TestCompilation.WithHosting(SnapshotInputs.Named(input)));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        Assert.Equal(
            run.Result.GeneratedSources.Count(s => s.HintName.EndsWith(".Bus.g.cs", StringComparison.Ordinal)),
            run.Result.GeneratedSources.Count(s => s.HintName.EndsWith(".Hosting.g.cs", StringComparison.Ordinal)));
        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
    }

    [Fact]
    public void Two_buses_sharing_a_bus_name_get_distinct_classes_and_compile_clean()
    {
        GeneratorRun run = GeneratorRun.For(TestCompilation.WithHosting(TwoBusesSameName));

        var diagnostics = run.Output.GetDiagnostics();
        Assert.True(diagnostics.IsEmpty, Snapshot.DescribeDiagnostics(diagnostics));
        string[] classes = run.Output.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            .Select(c => c.Identifier.Text)
            .Where(n => n.EndsWith("Extensions", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            ["OrderBus_Acme_Legacy" + "HealthChecksBuilderExtensions", "OrderBus_Acme_Legacy" + "ServiceCollectionExtensions", "OrderBus_Acme_Orders" + "HealthChecksBuilderExtensions", "OrderBus_Acme_Orders" + "ServiceCollectionExtensions"],
            classes);
    }

    [Fact]
    public void Without_hosting_referenced_no_hosting_file_is_emitted()
    {
        GeneratorRun run = GeneratorRun.For(SnapshotInputs.Scheduler);

        Assert.NotEmpty(run.Result.GeneratedSources);
        Assert.DoesNotContain(run.Result.GeneratedSources, s => s.HintName.Contains("Hosting", StringComparison.Ordinal));
        Assert.Empty(StepAssert.Reasons(run, TrackingNames.HostingBuses));
    }

    [Fact]
    public void With_hosting_referenced_an_unrelated_edit_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorRun.For(TestCompilation.WithHosting(SnapshotInputs.Scheduler));
        Assert.Single(StepAssert.Reasons(first, TrackingNames.HostingBuses));

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));

        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
        StepAssert.HoldNoRoslynObjects(second);
    }
}
