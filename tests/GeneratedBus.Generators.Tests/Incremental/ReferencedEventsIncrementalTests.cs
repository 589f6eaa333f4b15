using System.Linq;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.MultiProject;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Incremental;

/// <summary>
/// The GenerateBus scan of referenced assemblies re-runs only when the references or the requested roots change: a
/// source edit, even one in the file of the request or one that adds an event of the requested root, leaves it cached.
/// </summary>
public class ReferencedEventsIncrementalTests
{
    private const string AppSource = """
        [assembly: GeneratedBus.GenerateBus(typeof(Shop.Orders.OrderEvent))]
        namespace Shop.App;
        [GeneratedBus.BusEvent] public sealed record OrderNoted(int OrderId) : Shop.Orders.OrderEvent;
        """;

    private static readonly MetadataReference s_core = ReferencedLibrary.Build("Shop.Core", [MultiProjectTests.Core]);

    private static readonly MetadataReference s_payments = ReferencedLibrary.Build("Shop.Payments", ["""
        using GeneratedBus;
        namespace Shop.Payments;
        [BusEvent] public sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
        """], s_core);

    [Fact]
    public void An_unrelated_edit_does_not_rescan_the_references_and_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App([AppSource], s_core, s_payments));
        Assert.Contains(first.Result.GeneratedSources, s => s.SourceText.ToString().Contains("OnPaymentTaken", System.StringComparison.Ordinal));
        Assert.Equal([IncrementalStepRunReason.New], StepAssert.Reasons(first, TrackingNames.ScannedReferences));

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(
            TestCompilation.Parse("namespace Other; public sealed class Unrelated { }", "Input9.cs")));

        foreach (string step in new[] { TrackingNames.GenerateBusRequests, TrackingNames.RequestedRoots, TrackingNames.ScannedReferences, TrackingNames.ReferencedEvents })
        {
            Assert.Equal([IncrementalStepRunReason.Cached], StepAssert.Reasons(second, step));
        }

        StepAssert.AllCached(second);
        StepAssert.OnlyParseReran(second);
        StepAssert.HoldNoRoslynObjects(second);
    }

    [Fact]
    public void Moving_the_request_relocates_its_diagnostics_without_rescanning()
    {
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App([AppSource], s_core, s_payments));

        SyntaxTree tree = first.Input.SyntaxTrees.First();
        GeneratorRun second = first.Rerun(first.Input.ReplaceSyntaxTree(
            tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment above the request moves it\n"))));

        // The request's location changed, so its model did; the roots it names did not, so the scan stayed cached.
        Assert.Equal([IncrementalStepRunReason.Modified], StepAssert.Reasons(second, TrackingNames.GenerateBusRequests));
        Assert.Equal([IncrementalStepRunReason.Unchanged], StepAssert.Reasons(second, TrackingNames.RequestedRoots));
        Assert.Equal([IncrementalStepRunReason.Cached], StepAssert.Reasons(second, TrackingNames.ScannedReferences));
    }

    [Fact]
    public void A_new_event_of_the_requested_root_in_source_joins_the_bus_without_rescanning()
    {
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App([AppSource], s_core, s_payments));

        GeneratorRun second = first.Rerun(first.Input.AddSyntaxTrees(TestCompilation.Parse(
            "namespace Shop.App; [GeneratedBus.BusEvent] public sealed record OrderClosed(int OrderId) : Shop.Orders.OrderEvent;", "Input9.cs")));

        Assert.Equal([IncrementalStepRunReason.Cached], StepAssert.Reasons(second, TrackingNames.ScannedReferences));
        Assert.Contains(second.Result.GeneratedSources, s => s.SourceText.ToString().Contains("OnOrderClosed", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_reference_is_scanned()
    {
        MetadataReference shipping = ReferencedLibrary.Build("Shop.Shipping", ["""
            using GeneratedBus;
            namespace Shop.Shipping;
            [BusEvent] public sealed record OrderShipped(int OrderId) : Shop.Orders.OrderEvent;
            """], s_core);
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App([AppSource], s_core, s_payments));

        GeneratorRun second = first.Rerun(first.Input.AddReferences(shipping));

        Assert.Equal([IncrementalStepRunReason.Modified], StepAssert.Reasons(second, TrackingNames.ScannedReferences));
        Assert.Contains(second.Result.GeneratedSources, s => s.SourceText.ToString().Contains("OnOrderShipped", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_request_a_new_reference_scans_nothing()
    {
        GeneratorRun first = GeneratorRun.For(ReferencedLibrary.App(["namespace Shop.App; public static class Nothing { }"], s_core));

        GeneratorRun second = first.Rerun(first.Input.AddReferences(s_payments));

        // Re-run for the new reference, to the same empty result: without a request nothing is found.
        Assert.Equal([IncrementalStepRunReason.Unchanged], StepAssert.Reasons(second, TrackingNames.ScannedReferences));
        Assert.Empty(second.Result.GeneratedSources);
    }
}
