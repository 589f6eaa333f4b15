using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GeneratedBus.Runtime.Tests.Dispatch;

/// <summary>
/// ListenerRun, the runtime's half of a generated run of listeners: every listener from next on gets the event, in
/// order, across the unrolled block's edges; next names the listener whose handler threw; and a run allocates nothing.
/// </summary>
public class ListenerRunTests
{
    public static TheoryData<int, int> LengthsAndStarts()
    {
        var data = new TheoryData<int, int>();
        foreach (int length in new[] { 0, 1, 2, ListenerRun.Width - 1, ListenerRun.Width, ListenerRun.Width + 1, (2 * ListenerRun.Width) + 3, 50 })
        {
            foreach (int start in new[] { 0, 1, ListenerRun.Width - 1, ListenerRun.Width, length - 1, length })
            {
                if (start >= 0 && start <= length)
                {
                    data.Add(length, start);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAndStarts))]
    public void Every_listener_from_next_on_gets_the_event_once_in_order(int length, int start)
    {
        var calls = new List<int>();
        IRecorder[] listeners = Recorders(length, calls);
        int next = start;

        ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, new Heard(7), ref next);

        Assert.Equal(Enumerable.Range(start, length - start), calls);
        Assert.All(listeners.Cast<Recorder>().Skip(start), r => Assert.Equal(7, r.Last));
        Assert.Equal(length == start ? start : length - 1, next);
    }

    [Fact]
    public void The_overload_without_next_runs_the_whole_span()
    {
        var calls = new List<int>();
        IRecorder[] listeners = Recorders(40, calls);

        ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, new Heard(1));

        Assert.Equal(Enumerable.Range(0, 40), calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(33)]
    public void A_throwing_handler_stops_the_run_with_next_naming_it_and_a_resumed_run_finishes_the_rest(int thrower)
    {
        var calls = new List<int>();
        IRecorder[] listeners = Recorders(40, calls);
        ((Recorder)listeners[thrower]).Throws = true;
        int next = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, new Heard(1), ref next));
        Assert.Equal($"listener {thrower}", thrown.Message);
        Assert.Equal(thrower, next);
        Assert.Equal(Enumerable.Range(0, thrower + 1), calls);

        next++;
        ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, new Heard(1), ref next);
        Assert.Equal(Enumerable.Range(0, 40), calls);
    }

    [Fact]
    public void Each_listener_is_called_from_the_site_of_its_position_and_a_resumed_run_reaches_the_next_edge_through_its_own()
    {
        IRecorder[] listeners = Recorders(40, calls: null);
        SiteCall.Sites.Clear();
        int next = 0;

        ListenerRun.Run<SiteCall, IRecorder, Heard>(listeners, new Heard(1), ref next);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "Site" + (i % ListenerRun.Width)), SiteCall.Sites);

        // As after listener 20 threw: 21-31 through the resume site, then 32 on through their own sites again.
        SiteCall.Sites.Clear();
        next = 21;
        ListenerRun.Run<SiteCall, IRecorder, Heard>(listeners, new Heard(1), ref next);
        Assert.Equal(Enumerable.Repeat("Resumed", 11).Concat(Enumerable.Range(32, 8).Select(i => "Site" + (i % ListenerRun.Width))), SiteCall.Sites);
        Assert.Equal(39, next);
    }

    [Fact]
    public void A_run_allocates_nothing()
    {
        IRecorder[] listeners = Recorders(20, calls: null);
        var e = new Heard(3);
        for (int i = 0; i < 100; i++)
        {
            ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, e);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            ListenerRun.Run<HeardCall, IRecorder, Heard>(listeners, e);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(listeners.Cast<Recorder>(), r => Assert.Equal(10_100, r.Count));
    }

    private static IRecorder[] Recorders(int count, List<int>? calls) =>
        Enumerable.Range(0, count).Select(i => (IRecorder)new Recorder(i, calls)).ToArray();

    public interface IRecorder
    {
        void OnHeard(Heard e);
    }

    public sealed record Heard(int Value);

    private sealed class Recorder(int index, List<int>? calls) : IRecorder
    {
        public bool Throws { get; set; }

        public int Last { get; private set; }

        public int Count { get; private set; }

        public void OnHeard(Heard e)
        {
            calls?.Add(index);
            Last = e.Value;
            Count++;
            if (Throws)
            {
                throw new InvalidOperationException($"listener {index}");
            }
        }
    }

    // Records which site called, by the site tag's name (only the site test uses it, and a class's tests run one at a time).
    private readonly struct SiteCall : IListenerCall<IRecorder, Heard>
    {
        public static readonly List<string> Sites = new();

        void IListenerCall.Call<TSite>(object listener, object e)
        {
            Sites.Add(typeof(TSite).Name);
            Unsafe.As<IRecorder>(listener).OnHeard(Unsafe.As<Heard>(e));
        }
    }

    // What the generator writes for a handler.
    private readonly struct HeardCall : IListenerCall<IRecorder, Heard>
    {
        void IListenerCall.Call<TSite>(object listener, object e) => Unsafe.As<IRecorder>(listener).OnHeard(Unsafe.As<Heard>(e));
    }
}
