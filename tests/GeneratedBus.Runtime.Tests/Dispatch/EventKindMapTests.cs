using System;
using GeneratedBus.Runtime.Tests.Support;

namespace GeneratedBus.Runtime.Tests.Dispatch;

public class EventKindMapTests
{
    private sealed record E1;

    private sealed record E2;

    private sealed record E3;

    private sealed record Unlisted;

    [Fact]
    public void Every_listed_type_gets_its_kind_by_declaration_order()
    {
        var map = new EventKindMap(typeof(E1).TypeHandle, typeof(E2).TypeHandle, typeof(E3).TypeHandle, typeof(Ping).TypeHandle);

        Assert.Equal(1, map.Find(new E1()));
        Assert.Equal(2, map.Find(new E2()));
        Assert.Equal(3, map.Find(new E3()));
        Assert.Equal(4, map.Find(new Ping(0)));
    }

    [Fact]
    public void An_unlisted_type_is_kind_zero_even_a_subtype_or_base_of_a_listed_one()
    {
        var map = new EventKindMap(typeof(Ping).TypeHandle);

        Assert.Equal(0, map.Find(new Unlisted()));
        Assert.Equal(0, map.Find(new TestEvent(0)));
        Assert.Equal(0, new EventKindMap().Find(new Ping(1)));
    }

    [Fact]
    public void Many_types_are_all_found()
    {
        Type[] types = [.. Array.FindAll(typeof(object).Assembly.GetExportedTypes(), t => t != typeof(string))[..200], typeof(string)];
        var map = new EventKindMap(Array.ConvertAll(types, t => t.TypeHandle));

        Assert.Equal(201, map.Find("x"));
        Assert.Equal(Array.IndexOf(types, typeof(object)) + 1, map.Find(new object()));
        Assert.Equal(0, map.Find(new E1()));
    }

    [Fact]
    public void Duplicates_and_null_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EventKindMap(typeof(E1).TypeHandle, typeof(E2).TypeHandle, typeof(E1).TypeHandle));
        Assert.Contains("index 2", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new EventKindMap(null!));
    }
}
