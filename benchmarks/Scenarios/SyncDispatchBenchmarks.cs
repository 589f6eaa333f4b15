using System;
using System.Linq;
using System.Reactive.Subjects;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;
using GeneratedBus.Benchmarks.Peers;
using Microsoft.Extensions.DependencyInjection;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Goals 2 and 9: one event to 10 listeners of 10 classes on the caller's thread, per event; every path and peer
/// here delivers it to 10 handlers of 10 classes. The sync bus rows post to the generated <c>BenchListenerBus</c>, bound
/// to the generated dispatcher as every generated bus is.
/// </summary>
[GoalConfig]
[BenchmarkCategory(Categories.SyncDispatch)]
public class SyncDispatchBenchmarks
{
    /// <summary>Posts per call of the plain loops (<c>--plain</c>): enough that the delegate call around them is noise.</summary>
    public const int Batch = 100;

    private readonly BenchEvent _event = new TaskEnded(1);
    private readonly TaskEndedNotification _notification = new(1);
    private readonly TaskEndedNotice _notice = new(1);
    private IBenchListener[] _listeners = [];
    private Subject<BenchEvent> _subject = new();
    private MediatR.IMediator _mediatR = null!;
    private ICounted[] _mediatRHandlers = [];
    private ServiceProvider _mediatorServices = null!;
    private Mediator.IPublisher _publisher = null!;
    private Mediator.Mediator _mediator = null!;
    private BenchListenerBus _syncBus = null!;
    private BenchListenerBus _timedSyncBus = null!;

    private ICounted[] Counted => _listeners.Cast<ICounted>().ToArray();

    [GlobalSetup]
    public void Setup()
    {
        _listeners = Distinct.Ten<IBenchListener>(typeof(SumListener<>));
        _subject = new Subject<BenchEvent>();
        foreach (IBenchListener listener in _listeners)
        {
            _subject.Subscribe(new SwitchObserver(listener));
        }

        _mediatR = MediatRPeer.Create(out _mediatRHandlers);
        _mediatorServices = MediatorPeer.Create();
        _publisher = _mediatorServices.GetRequiredService<Mediator.IPublisher>();
        _mediator = _mediatorServices.GetRequiredService<Mediator.Mediator>();
        _syncBus = new BenchListenerBus(new BusOptions { ListenerTimers = false });
        _timedSyncBus = new BenchListenerBus(new BusOptions());
        foreach (IBenchListener listener in _listeners)
        {
            _syncBus.AddListener(listener);
            _timedSyncBus.AddListener(listener);
        }

        // Each path once: every listener of ours gets the event from the six that reach them, and each peer's handlers once.
        HandWrittenLoop();
        GeneratedDispatcher();
        GeneratedPerListener();
        SyncBus();
        SyncBusTimed();
        RxSubject();
        Sanity.Expect(Counted, 6, "our paths and Rx");
        MediatR();
        Sanity.Expect(_mediatRHandlers, 1, "MediatR");
        MediatorPublish();
        MediatorConcrete();
        Sanity.Expect(MediatorPeer.Handlers(_mediatorServices), 2, "Mediator");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Sanity.SameMultiple(Counted, 1, nameof(SyncDispatchBenchmarks));
        Sanity.SameMultiple(_mediatRHandlers, 1, "MediatR");
        Sanity.SameMultiple(MediatorPeer.Handlers(_mediatorServices), 1, "Mediator");
        _mediatorServices.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written loop + switch")]
    public void HandWrittenLoop() => HandWritten.PostToAll(_listeners, _event);

    [Benchmark(Description = "generated DispatchToAll (one lookup, one jump)")]
    public void GeneratedDispatcher() => BenchDispatcher.DispatchToAll(_listeners, _event);

    [Benchmark(Description = "generated Dispatch(listener, e) per listener")]
    public void GeneratedPerListener()
    {
        BenchEvent e = _event;
        foreach (IBenchListener listener in _listeners)
        {
            BenchDispatcher.Dispatch(listener, e);
        }
    }

    [Benchmark(Description = "ListenerBus.PostToAll, timers off (guarded)")]
    public void SyncBus() => _syncBus.PostToAll(_event);

    [Benchmark(Description = "ListenerBus.PostToAll, default options (timers on)")]
    public void SyncBusTimed() => _timedSyncBus.PostToAll(_event);

    [Benchmark(Description = "Rx Subject<T> 6.0.1")]
    public void RxSubject() => _subject.OnNext(_event);

    [Benchmark(Description = "MediatR 5.1.0 Publish")]
    public void MediatR() => _mediatR.Publish(_notification, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "Mediator 3.0.2 IPublisher.Publish")]
    public void MediatorPublish() => _publisher.Publish(_notice).GetAwaiter().GetResult();

    [Benchmark(Description = "Mediator 3.0.2 Publish on the generated class")]
    public void MediatorConcrete() => _mediator.Publish(_notice).GetAwaiter().GetResult();

    /// <summary>The plain-loop form of <see cref="HandWrittenLoop"/>: <see cref="Batch"/> events in a loop.</summary>
    public void HandWrittenBatch()
    {
        IBenchListener[] listeners = _listeners;
        BenchEvent e = _event;
        for (int i = 0; i < Batch; i++)
        {
            HandWritten.PostToAll(listeners, e);
        }
    }

    /// <summary>The plain-loop form of <see cref="GeneratedDispatcher"/>.</summary>
    public void GeneratedDispatcherBatch()
    {
        IBenchListener[] listeners = _listeners;
        BenchEvent e = _event;
        for (int i = 0; i < Batch; i++)
        {
            BenchDispatcher.DispatchToAll(listeners, e);
        }
    }

    /// <summary>The plain-loop form of <see cref="SyncBusTimed"/>.</summary>
    public void SyncBusTimedBatch()
    {
        BenchListenerBus bus = _timedSyncBus;
        BenchEvent e = _event;
        for (int i = 0; i < Batch; i++)
        {
            bus.PostToAll(e);
        }
    }

    /// <summary>The plain-loop form of <see cref="MediatorPublish"/>.</summary>
    public void MediatorPublishBatch()
    {
        Mediator.IPublisher publisher = _publisher;
        TaskEndedNotice notice = _notice;
        for (int i = 0; i < Batch; i++)
        {
            publisher.Publish(notice).GetAwaiter().GetResult();
        }
    }

    private sealed class SwitchObserver(IBenchListener listener) : IObserver<BenchEvent>
    {
        public void OnNext(BenchEvent value) => HandWritten.Switch(listener, value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
