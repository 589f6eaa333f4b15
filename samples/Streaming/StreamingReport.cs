using System;
using System.IO;
using GeneratedBus;

namespace SparkStreaming;

/// <summary>The end-of-run table: what the main bus's queues carried, and what the streaming listeners made of it.</summary>
public static class StreamingReport
{
    /// <summary>Writes the report of a finished run.</summary>
    /// <param name="context">The run, after <see cref="StreamingContext.Run"/>.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(StreamingContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        // Invariant formatting: the numbers read the same everywhere, and tests parse them.
        void Line(FormattableString text) => output.WriteLine(FormattableString.Invariant(text));

        AppStatusListener app = context.AppStatus;
        MainBusCounter main = context.MainBusCounter;
        Line($"{app.AppName}: {context.Batches.Count} batches in {app.Duration} ms, {app.JobsStarted} Spark jobs ({app.JobsFailed} failed)");
        Line($"main bus: {main.Events} events on the shared queue; {main.WrappedStreamingEvents} of them streaming events, seen there only wrapped");
        Line($"");

        Line($"{"queue",-10} {"capacity",9} {"posted",9} {"processed",10} {"dropped",9}");
        foreach (QueueStats q in context.SparkBus.GetStats().Queues.Values)
        {
            Line($"{q.Name,-10} {q.Capacity,9} {q.Posted,9} {q.Processed,10} {q.Dropped,9}");
        }

        Line($"");
        Line($"{"streaming listener",-30} {"events",9} {"failures",9}");
        foreach (ListenerStats l in context.Streaming.GetListenerStats().Values)
        {
            Line($"{l.ListenerType.Name,-30} {l.Events,9} {l.Failures,9}");
        }

        StreamingJobProgressListener p = context.Progress;
        Line($"");
        Line($"streaming summary");
        Line($"  completed batches       {p.CompletedBatches} (waiting {p.WaitingBatches}, running {p.RunningBatches})");
        Line($"  received records        {p.TotalReceivedRecords}");
        Line($"  processed records       {p.TotalProcessedRecords}");
        Line($"  output operations       {p.CompletedOutputOperations} ({p.FailedOutputOperations} failed)");
        Line($"  avg scheduling delay    {p.AverageSchedulingDelay:F1} ms (max {p.MaxSchedulingDelay} ms)");
        Line($"  avg processing delay    {p.AverageProcessingDelay:F1} ms");
        Line($"  avg total delay         {p.AverageTotalDelay:F1} ms");
    }
}
