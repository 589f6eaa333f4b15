using System;
using System.Collections.Generic;
using System.Linq;
using System.Reactive.Subjects;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;
using MediatR;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>Goal 1: one event to 10 listeners on the caller's thread, per event.</summary>
[GoalConfig]
[BenchmarkCategory(Categories.SyncDispatch)]
public class SyncDispatchBenchmarks
{
    private const int Listeners = 10;

    private readonly BenchEvent _event = new TaskEnded(1);
    private readonly TaskEndedNotification _notification = new(1);
    private IBenchListener[] _listeners = [];
    private Subject<BenchEvent> _subject = new();
    private IMediator _mediator = null!;
    private SyncBenchBus _syncBus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _listeners = Enumerable.Range(0, Listeners).Select(_ => (IBenchListener)new SumListener()).ToArray();
        _subject = new Subject<BenchEvent>();
        foreach (IBenchListener listener in _listeners)
        {
            _subject.Subscribe(new SwitchObserver(listener));
        }

        var handlers = Enumerable.Range(0, Listeners).Select(_ => new TaskEndedHandler()).ToArray<INotificationHandler<TaskEndedNotification>>();
        _mediator = new Mediator(type => type == typeof(IEnumerable<INotificationHandler<TaskEndedNotification>>) ? handlers : Array.CreateInstance(type.GetGenericArguments()[0], 0));
        _syncBus = new SyncBenchBus(new BusOptions { ListenerTimers = false });
        foreach (IBenchListener listener in _listeners)
        {
            _syncBus.AddListener(listener);
        }
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

    [Benchmark(Description = "Rx Subject<T> 6.0.1")]
    public void RxSubject() => _subject.OnNext(_event);

    [Benchmark(Description = "MediatR 5.1.0 Publish")]
    public void MediatR() => _mediator.Publish(_notification, CancellationToken.None).GetAwaiter().GetResult();

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

    public sealed record TaskEndedNotification(int Id) : INotification;

    private sealed class TaskEndedHandler : INotificationHandler<TaskEndedNotification>
    {
        public long Sum;

        public Task Handle(TaskEndedNotification notification, CancellationToken cancellationToken)
        {
            Sum += notification.Id;
            return Task.CompletedTask;
        }
    }
}

/// <summary>The synchronous bus wired to the generated dispatcher, as README shows.</summary>
public sealed class SyncBenchBus(BusOptions options)
    : ListenerBus<IBenchListener, BenchEvent>(options, DispatcherBinding<IBenchListener, BenchEvent>.Of<BenchDispatcher>());
