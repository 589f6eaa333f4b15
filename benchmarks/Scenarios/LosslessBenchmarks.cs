using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using GeneratedBus.Benchmarks.Events;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>
/// Goals 3 and 6: one producer, one queue of 10 000, one listener, nothing lost: the bus's queue is a
/// <see cref="QueueFullMode.Wait"/> queue, with no pacing in the benchmark. Each invocation posts <see cref="Events"/>
/// events and waits until the listener has had them all; the time is per event.
/// </summary>
[GoalConfig]
[BenchmarkCategory(Categories.Lossless)]
public class LosslessBenchmarks
{
    public const int Events = 1 << 20;

    private readonly BenchEvent _event = new JobSubmitted(1);
    private readonly CountingListener _listener = new();
    private BusRig? _rig;
    private Channel<BenchEvent>? _channel;
    private Task? _channelConsumer;
    private BlockingCollection<BenchEvent>? _collection;
    private Thread? _collectionConsumer;

    [GlobalSetup(Target = nameof(ChannelWait))]
    public void SetupChannel()
    {
        _channel = Channel.CreateBounded<BenchEvent>(new BoundedChannelOptions(BusRig.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        _channelConsumer = Task.Run(() => ConsumeChannel(_channel.Reader, _listener));
    }

    [GlobalSetup(Target = nameof(BlockingCollectionAdd))]
    public void SetupCollection()
    {
        _collection = new BlockingCollection<BenchEvent>(new ConcurrentQueue<BenchEvent>(), BusRig.Capacity);
        _collectionConsumer = new Thread(() =>
        {
            foreach (BenchEvent e in _collection.GetConsumingEnumerable())
            {
                BenchDispatcher.Dispatch(_listener, e);
            }
        })
        { IsBackground = true };
        _collectionConsumer.Start();
    }

    [GlobalSetup(Target = nameof(BusTimersOff))]
    public void SetupBus() => _rig = new BusRig(timers: false);

    [GlobalSetup(Target = nameof(BusTimersOn))]
    public void SetupTimedBus() => _rig = new BusRig(timers: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _rig?.Dispose();
        _channel?.Writer.Complete();
        _channelConsumer?.Wait();
        _collection?.CompleteAdding();
        _collectionConsumer?.Join();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "Channel<T> bounded, Wait")]
    public void ChannelWait()
    {
        long target = _listener.Count + Events;
        ChannelWriter<BenchEvent> writer = _channel!.Writer;
        for (int i = 0; i < Events; i++)
        {
            if (!writer.TryWrite(_event))
            {
                writer.WriteAsync(_event).AsTask().Wait();
            }
        }

        Drain.WaitFor(_listener, target);
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "BlockingCollection<T> (Spark's LinkedBlockingQueue)")]
    public void BlockingCollectionAdd()
    {
        long target = _listener.Count + Events;
        for (int i = 0; i < Events; i++)
        {
            _collection!.Add(_event);
        }

        Drain.WaitFor(_listener, target);
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "GeneratedBus, timers off")]
    public void BusTimersOff() => Round(_rig!);

    [Benchmark(OperationsPerInvoke = Events, Description = "GeneratedBus, timers on")]
    public void BusTimersOn() => Round(_rig!);

    internal static void Round(BusRig rig) => rig.Round(Events);

    private static async Task ConsumeChannel(ChannelReader<BenchEvent> reader, CountingListener listener)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out BenchEvent? e))
            {
                BenchDispatcher.Dispatch(listener, e);
            }
        }
    }
}
