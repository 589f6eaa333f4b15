using System.Linq;
using SparkStreaming;

namespace GeneratedBus.Samples.Streaming.Tests;

/// <summary>The bus inside a bus: what crosses the bridge, how often, in which order and on which thread.</summary>
public sealed class BridgeTests
{
    private const int Batches = 120;

    private static (StreamingContext Context, MainBusRecorder Main, MainBusRecorder OnAppStatus, StreamingRecorder Streaming) RunRecorded()
    {
        var context = new StreamingContext(new StreamingOptions { Batches = Batches, Seed = 7 });
        var main = new MainBusRecorder();
        var onAppStatus = new MainBusRecorder();
        var streaming = new StreamingRecorder();
        context.SparkBus.AddToQueue(main, "recorder");
        context.SparkBus.AddToQueue(onAppStatus, StreamingBridge.StatusQueue);
        context.Streaming.AddListener(streaming);
        context.Run();
        return (context, main, onAppStatus, streaming);
    }

    [Fact]
    public void Every_wrapped_event_reaches_the_streaming_listeners_once_and_in_posting_order()
    {
        var (context, main, _, streaming) = RunRecorded();
        using (context)
        {
            // The main bus delivers in posting order, so its recorder's wrappers are the posting order.
            StreamingListenerEvent[] posted = main.Received
                .Select(d => d.Event).OfType<WrappedStreamingEvent>().Select(w => w.Event).ToArray();
            StreamingListenerEvent[] delivered = streaming.Received.Select(d => d.Event).ToArray();

            // Three events per batch and two per output operation, counted from the plan.
            int expected = context.Batches.Sum(b => 3 + (2 * b.OutputOperations.Count));
            Assert.Equal(expected, posted.Length);
            Assert.Equal(posted.Length, delivered.Length);
            for (int i = 0; i < posted.Length; i++)
            {
                Assert.Same(posted[i], delivered[i]);
            }
        }
    }

    [Fact]
    public void Each_batch_is_reported_submitted_started_operations_completed()
    {
        var (context, _, _, streaming) = RunRecorded();
        using (context)
        {
            foreach (BatchInfo batch in context.Batches)
            {
                string[] story = streaming.Received
                    .Select(d => d.Event)
                    .Where(e => BatchTimeOf(e) == batch.BatchTime)
                    .Select(e => e.GetType().Name)
                    .ToArray();
                string[] expected =
                [
                    nameof(BatchSubmitted),
                    nameof(BatchStarted),
                    .. batch.OutputOperations.SelectMany(_ => new[] { nameof(OutputOperationStarted), nameof(OutputOperationCompleted) }),
                    nameof(BatchCompleted),
                ];
                Assert.Equal(expected, story);
            }
        }
    }

    [Fact]
    public void The_stream_is_in_time_order_with_later_batches_submitted_while_earlier_ones_run()
    {
        var (context, _, _, streaming) = RunRecorded();
        using (context)
        {
            long[] times = streaming.Received.Select(d => TimeOf(d.Event)).ToArray();
            for (int i = 1; i < times.Length; i++)
            {
                Assert.True(times[i - 1] <= times[i], $"event {i} at {times[i]} follows one at {times[i - 1]}");
            }

            // The seed has bursts, so some batch is submitted before the one ahead of it completes.
            int overlaps = 0;
            int running = 0;
            foreach (StreamingListenerEvent e in streaming.Received.Select(d => d.Event))
            {
                running += e switch { BatchStarted => 1, BatchCompleted => -1, _ => 0 };
                overlaps += e is BatchSubmitted && running > 0 ? 1 : 0;
            }

            Assert.True(overlaps > 0, "no batch was submitted while another ran");
        }
    }

    [Fact]
    public void Streaming_listeners_run_on_the_appStatus_thread_and_see_only_declared_streaming_events()
    {
        var (context, _, onAppStatus, streaming) = RunRecorded();
        using (context)
        {
            Assert.Equal(0, streaming.OtherEvents);
            Assert.All(streaming.Received, d => Assert.Equal("GeneratedBus-" + StreamingBridge.StatusQueue, d.Thread));
            Assert.All(onAppStatus.Received, d => Assert.Equal("GeneratedBus-" + StreamingBridge.StatusQueue, d.Thread));
        }
    }

    [Fact]
    public void Main_bus_listeners_see_streaming_events_only_wrapped_and_everything_else_unchanged()
    {
        var (context, main, onAppStatus, streaming) = RunRecorded();
        using (context)
        {
            Assert.Equal(0, main.OtherEvents);
            Assert.Equal(main.Received.Select(d => d.Event), onAppStatus.Received.Select(d => d.Event));

            // The main bus carried the jobs and application events itself, plus one envelope per streaming event.
            int operations = context.Batches.Sum(b => b.OutputOperations.Count);
            Assert.Equal(2 + (2 * operations) + streaming.Received.Count, main.Received.Count);
            Assert.Equal(streaming.Received.Count, main.Received.Count(d => d.Event is WrappedStreamingEvent));
            Assert.Equal(context.MainBusCounter.WrappedStreamingEvents, streaming.Received.Count);
            Assert.IsType<ApplicationStart>(main.Received[0].Event);
            Assert.IsType<ApplicationEnd>(main.Received[^1].Event);
        }
    }

    private static long TimeOf(StreamingListenerEvent e) => e switch
    {
        BatchSubmitted s => s.BatchInfo.SubmissionTime,
        BatchStarted s => s.BatchInfo.ProcessingStartTime!.Value,
        BatchCompleted c => c.BatchInfo.ProcessingEndTime!.Value,
        OutputOperationStarted o => o.OutputOperationInfo.StartTime!.Value,
        OutputOperationCompleted o => o.OutputOperationInfo.EndTime!.Value,
        _ => throw new Xunit.Sdk.XunitException($"unexpected {e.GetType().Name}"),
    };

    private static long BatchTimeOf(StreamingListenerEvent e) => e switch
    {
        BatchSubmitted s => s.BatchInfo.BatchTime,
        BatchStarted s => s.BatchInfo.BatchTime,
        BatchCompleted c => c.BatchInfo.BatchTime,
        OutputOperationStarted o => o.OutputOperationInfo.BatchTime,
        OutputOperationCompleted o => o.OutputOperationInfo.BatchTime,
        _ => throw new Xunit.Sdk.XunitException($"unexpected {e.GetType().Name}"),
    };
}
