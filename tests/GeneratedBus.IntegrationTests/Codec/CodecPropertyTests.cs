using System;
using System.Collections.Generic;
using System.Linq;
using Acme.Telemetry;
using FsCheck;
using FsCheck.Fluent;

namespace GeneratedBus.IntegrationTests.Codec;

/// <summary>Property-based round trips: for generated events of every shape, write, read, and get the same event and bytes.</summary>
public sealed class CodecPropertyTests
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Gen<T> Any<T>() => ArbMap.Default.GeneratorFor<T>();

    // Text the writer accepts: any string without lone surrogates (which are not Unicode and cannot be UTF-8).
    private static Gen<string?> Text() => Any<string?>().Select(s => s is null ? null : new string(s.Where(c => !char.IsSurrogate(c)).ToArray()));

    private static Gen<string> NonNullText() => Text().Select(s => s ?? string.Empty);

    private static Gen<List<T>> ListOf<T>(Gen<T> element) => Gen.ListOf(element).Select(l => l.ToList());

    private static Gen<Dictionary<string, T>> DictionaryOf<T>(Gen<T> value)
        => ListOf(NonNullText().Zip(value)).Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2));

    private static Gen<Numbers> Numbers() =>
        from flag in Any<bool>()
        from b in Any<byte>()
        from sb in Any<sbyte>()
        from s in Any<short>()
        from us in Any<ushort>()
        from i in Any<int>()
        from ui in Any<uint>()
        from l in Any<long>()
        from ul in Any<ulong>()
        from f in Any<float>()
        from d in Any<double>()
        from m in Any<decimal>()
        select new Numbers(flag, b, sb, s, us, i, ui, l, ul, f, d, m);

    private static Gen<Times> Times() =>
        from when in Any<DateTime>()
        from kind in Gen.Elements(DateTimeKind.Utc, DateTimeKind.Unspecified)
        from at in Any<DateTimeOffset>()
        from took in Any<TimeSpan>()
        from key in Any<Guid>()
        select new Times(DateTime.SpecifyKind(when, kind), at, took, key);

    private static Gen<Nullables> Nullables() =>
        from a in Any<int?>()
        from b in Any<double?>()
        from c in Gen.Elements<Level?>(null, Level.Low, Level.Medium, Level.High, (Level)17)
        from d in Any<DateTimeOffset?>()
        from e in ListOf(Any<int?>())
        from f in Text()
        select new Nullables(a, b, c, d, e, f);

    private static Gen<Host> Hosts() => NonNullText().Zip(Any<int>()).Select(p => new Host(p.Item1, p.Item2));

    private static Gen<Limits> Limits() =>
        from max in Any<int>()
        from note in Text()
        from children in Gen.Elements(null, new List<Limits>(), new List<Limits> { new() { Max = 1 } })
        select new Limits { Max = max, Note = note, Children = children };

    private static Gen<Started> Started() =>
        from host in Hosts()
        from comment in Text()
        from level in Gen.Elements(Enum.GetValues<Level>())
        from channels in Any<byte>().Select(b => (Channels)b)
        from retries in Any<int?>()
        from tags in ListOf(NonNullText())
        from windows in ListOf(Any<long>().Zip(Any<long>()).Select(p => new Window(p.Item1, p.Item2)))
        from counters in Gen.OneOf(Gen.Constant<Dictionary<string, long>?>(null), DictionaryOf(Any<long>()).Select(d => (Dictionary<string, long>?)d))
        from peers in DictionaryOf(Gen.OneOf(Gen.Constant<Host?>(null), Hosts().Select(h => (Host?)h)))
        from pair in Any<long>().Zip(NonNullText())
        from attempt in Any<int>()
        from limits in Gen.OneOf(Gen.Constant<Limits?>(null), Limits().Select(l => (Limits?)l))
        from id in Any<Guid>()
        from unit in NonNullText()
        from settable in Any<int>()
        select new Started(host, comment, level, channels, retries, tags, windows.ToArray(), counters, peers, (pair.Item1, pair.Item2), attempt)
        {
            Limits = limits,
            Id = id,
            Unit = unit,
            Settable = settable,
        };

    // Reading gives an event that writes the very same bytes: no member lost, changed or reordered.
    private static T RoundTrip<T>(T original)
        where T : TelemetryEvent
    {
        string line = CodecLines.Write(original);
        T read = CodecLines.ReadOk<T>(line);
        Assert.Equal(line, CodecLines.Write(read));
        return read;
    }

    [Fact]
    public void Every_integral_and_floating_value_round_trips()
        => Prop.ForAll(Arb.From(Numbers()), (Numbers original) => Assert.Equal(original, RoundTrip(original))).Check(s_config);

    [Fact]
    public void Every_date_time_span_and_guid_round_trips()
        => Prop.ForAll(Arb.From(Times()), (Times original) =>
        {
            Times read = RoundTrip(original);
            Assert.Equal(original, read);
            Assert.Equal(original.When.Kind, read.When.Kind);
            Assert.Equal(original.At.Offset, read.At.Offset);
        }).Check(s_config);

    [Fact]
    public void Nullable_values_and_references_round_trip()
        => Prop.ForAll(Arb.From(Nullables()), (Nullables original) =>
        {
            Nullables read = RoundTrip(original);
            Assert.Equal((original.A, original.B, original.C, original.D, original.F), (read.A, read.B, read.C, read.D, read.F));
            Assert.Equal(original.E, read.E);
        }).Check(s_config);

    [Fact]
    public void Nested_types_collections_dictionaries_enums_and_tuples_round_trip()
        => Prop.ForAll(Arb.From(Started()), (Started original) =>
        {
            Started read = RoundTrip(original);
            Assert.Equal(original.Host, read.Host);
            Assert.Equal(original.Comment, read.Comment);
            Assert.Equal(original.Channels, read.Channels);
            Assert.Equal(original.Tags, read.Tags);
            Assert.Equal(original.Windows, read.Windows);
            Assert.Equal(original.Counters, read.Counters);
            Assert.Equal(original.Peers, read.Peers);
            Assert.Equal(original.Pair, read.Pair);
            Assert.Equal((original.Attempt, original.Id, original.Unit, original.Settable), (read.Attempt, read.Id, read.Unit, read.Settable));
        }).Check(s_config);
}
