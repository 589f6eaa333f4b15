using System.Collections.Generic;
using System.Linq;
using System.Text;
using GeneratedBus.Generators.Tests.Infrastructure;
using GeneratedBus.Generators.Tests.Inputs;
using GeneratedBus.Generators.Tests.Robustness.Corpus;
using GeneratedBus.Generators.Tests.Robustness.Fuzz;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Tests.Robustness;

/// <summary>
/// The syntax path for plainly marked events (<c>PlainEventSyntax</c>: one argument-less <c>[BusEvent]</c>, mark
/// bound once per scope, codecs copied between look-alikes) is invisible: every input the tests own, fuzzed ones
/// included, generates the same files and the same diagnostics, at the same places, as with every event on the
/// attribute path.
/// </summary>
public class PlainEventPathTests
{
    private static readonly Dictionary<string, string[]> s_inputs = Inputs();

    public static TheoryData<string> Names => new(s_inputs.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_input_generates_the_same_on_the_syntax_path(string name) => PlainEventPaths.AssertSame(s_inputs[name]);

    [Fact]
    [Trait("Category", "Fuzz")]
    public void Fuzzed_inputs_generate_the_same_on_the_syntax_path()
    {
        // A quarter of the mutation fuzzer's cases, from its seed: each compiles twice here.
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        for (int index = settings.FirstCase; index < settings.FirstCase + (settings.Cases + 3) / 4; index++)
        {
            PlainEventPaths.AssertSame(FuzzCase.Create(settings.Seed, index).Files);
        }
    }

    [Fact]
    public void A_thousand_look_alike_events_generate_the_same_on_the_syntax_path()
    {
        var source = new StringBuilder("using GeneratedBus;\nnamespace Acme.Large;\npublic abstract record LargeEvent(long At);\n");
        for (int i = 0; i < 1000; i++)
        {
            source.Append("/// <summary>Event ").Append(i).Append(".</summary>\n[BusEvent] public ").Append(i % 3 == 0 ? "" : "sealed ")
                .Append("record Event").Append(i).Append("Happened(int Value, string? Note = null) : LargeEvent(0);\n");
        }

        PlainEventPaths.AssertSame(source.ToString());
    }

    [Fact]
    public void A_mark_that_binds_to_another_attribute_is_no_event_on_either_path()
    {
        GeneratorRun run = PlainEventPaths.AssertSame("""
            using GeneratedBus;
            namespace Acme.Orders;
            public sealed class BusEventAttribute : System.Attribute { }
            public abstract record OrderEvent;
            [BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;
            """);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void A_look_alike_whose_base_names_another_gets_a_codec_of_its_own()
    {
        // Shipped, met first, reads its Previous as itself: a member naming the template keeps it from being copied,
        // and Placed's codec must still read Previous as a Shipped.
        GeneratorRun run = PlainEventPaths.AssertSame("""
            using GeneratedBus;
            namespace Acme.Orders;
            public abstract record OrderEvent { public OrderShipped? Previous { get; init; } }
            [BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;
            [BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;
            """);
        Assert.Equal(2, run.Result.GeneratedSources.Length);
    }

    [Fact]
    public void Events_on_both_paths_in_one_file_keep_their_order()
    {
        GeneratorRun run = PlainEventPaths.AssertSame("""
            using System;
            using GeneratedBus;
            namespace Acme.Orders;
            public abstract record OrderEvent;
            [BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;
            [BusEvent, Obsolete("old")] public sealed record OrderRouted(int Id) : OrderEvent;
            [BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;
            [BusEvent("cancelled")] public sealed record OrderCancelled(int Id) : OrderEvent;
            [BusEvent] public sealed record OrderClosed(int Id) : OrderEvent;
            """);
        string bus = run.BusSources.Single().SourceText.ToString();
        Assert.All(
            new[] { "OrderPlaced = 1", "OrderRouted = 2", "OrderShipped = 3", "OrderCancelled = 4", "OrderClosed = 5" },
            kind => Assert.Contains(kind, bus, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("public sealed class Between { }")]
    public void Look_alikes_in_different_nullable_contexts_get_codecs_of_their_own(string between)
    {
        // Oblivious, Shipped's Note may be null in a log line; a copy of Placed's codec would refuse it. The directive
        // sits in Shipped's leading trivia, or, with a type between, in no event's.
        PlainEventPaths.AssertSame($$"""
            using GeneratedBus;
            namespace Acme.Orders;
            public abstract record OrderEvent;
            [BusEvent] public sealed record OrderPlaced(string Note) : OrderEvent;
            #nullable disable
            {{between}}
            [BusEvent] public sealed record OrderShipped(string Note) : OrderEvent;
            """);
    }

    [Theory]
    [InlineData("[@BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;\n[BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;")]
    [InlineData("[BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;\n[@BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;")]
    public void A_verbatim_mark_is_bound_as_written(string events)
    {
        // '@BusEvent' names a BusEvent type, never BusEventAttribute: it is an error here, whichever comes first.
        PlainEventPaths.AssertSame("using GeneratedBus;\nnamespace Acme.Orders;\npublic abstract record OrderEvent;\n" + events);
    }

    [Theory]
    [InlineData("public sealed class BusEventAttribute : System.Attribute { private BusEventAttribute() { } }")]
    [InlineData("public abstract class BusEventAttribute : System.Attribute { }")]
    [InlineData("public sealed class BusEventAttribute : System.Attribute { public BusEventAttribute(string name = \"renamed\") { } }")]
    public void A_mark_that_does_not_bind_cleanly_is_read_as_the_attribute_path_reads_it(string attribute)
    {
        // The user's own GeneratedBus.BusEventAttribute: inaccessible, abstract, or naming the event by a default.
        PlainEventPaths.AssertSame(
            "using GeneratedBus;\nnamespace Acme.Orders;\npublic abstract record OrderEvent;\n[BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;\n",
            "namespace GeneratedBus { " + attribute + " }\n");
    }

    [Theory]
    [InlineData("[System.Obsolete(\"old\")] public sealed partial record OrderShipped;")]
    [InlineData("[System.Obsolete(\"old\")] public sealed record OrderShipped(int Id) : OrderEvent;")]
    public void A_second_declaration_of_a_plainly_marked_event_still_counts(string second)
    {
        // Both are errors (CS0260, CS0101), but the one symbol carries the [Obsolete], and its warnings are suppressed.
        PlainEventPaths.AssertSame(
            "using GeneratedBus;\nnamespace Acme.Orders;\npublic abstract record OrderEvent;\n[BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;\n",
            "namespace Acme.Orders;\n" + second + "\n");
    }

    [Fact]
    public void A_global_alias_named_like_the_mark_binds_on_both_paths()
    {
        PlainEventPaths.AssertSame(
            """
            namespace Acme.Orders;
            public abstract record OrderEvent;
            [BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;
            [BusEventAttribute] public sealed record OrderPlaced(int Id) : OrderEvent;
            """,
            "global using BusEvent = GeneratedBus.BusEventAttribute;\n");
    }

    [Fact]
    public void A_nested_scope_with_its_own_mark_binds_it_there_only()
    {
        GeneratorRun run = PlainEventPaths.AssertSame("""
            using GeneratedBus;
            namespace Acme.Orders;
            public abstract record OrderEvent;
            [BusEvent] public sealed record OrderPlaced(int Id) : OrderEvent;
            public static class Legacy
            {
                public sealed class BusEventAttribute : System.Attribute { }
                [BusEvent] public sealed record OrderArchived(int Id) : OrderEvent;
            }
            public static class Current
            {
                [BusEvent] public sealed record OrderShipped(int Id) : OrderEvent;
            }
            """);
        string bus = run.BusSources.Single().SourceText.ToString();
        Assert.Contains("OnOrderShipped", bus, System.StringComparison.Ordinal);
        Assert.DoesNotContain("OnOrderArchived", bus, System.StringComparison.Ordinal);
    }

    private static Dictionary<string, string[]> Inputs()
    {
        var inputs = new Dictionary<string, string[]>();
        foreach (string name in SnapshotInputs.All)
        {
            inputs.Add("snapshot " + name, [SnapshotInputs.Named(name)]);
        }

        inputs.Add("codec EveryShape", [CodecInputs.EveryShape]);
        inputs.Add("codec NullableOblivious", [CodecInputs.NullableOblivious]);
        inputs.Add("codec UnsupportedMembers", [CodecInputs.UnsupportedMembers]);
        foreach (CorpusCase shape in NestingShapes.All.Concat(TypeKindShapes.All).Concat(NameShapes.All).Concat(LayoutShapes.All))
        {
            inputs.Add("corpus " + shape.Name, shape.Files);
        }

        foreach (FuzzSeed seed in FuzzSeeds.All)
        {
            inputs.Add("seed " + seed.Name, seed.Files);
        }

        return inputs;
    }
}
