using System;
using System.Text.RegularExpressions;
using GeneratedBus.Samples.Worker.Tests.Support;
using GeneratedBus.Tests.Shared;

namespace GeneratedBus.Samples.Worker.Tests;

/// <summary>
/// The built worker stopped as a service manager or a person stops it: SIGTERM or Ctrl+C (SIGINT) while the feed
/// posts as fast as the store takes events. The queue drains into SQLite, and the database, not just the log, balances.
/// </summary>
public sealed class ShutdownTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    // Guards against a hang, not timing assertions: a run takes a few seconds.
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public void A_signal_mid_stream_drains_the_queue_into_SQLite_and_rows_equal_processed_events(int signal)
    {
        using var dir = new TempDirectory();
        string db = dir.File("events.db");
        using var worker = SampleProcess.Start("ShopWorker.dll", dir.Path, "--Feed:EventsPerSecond=0", "--Store:DatabasePath=" + db);

        // Mid-stream: the host has started (its signal handlers are in place) and rows are being written.
        Assert.True(worker.WaitUntil(() => worker.LinesWith("Application started").Length > 0, s_deadline), "the worker did not start:\n" + worker.Log);
        long run = RunOf(worker);
        Assert.True(worker.WaitUntil(() => ShopDatabase.CountRows(db, run) >= 2000, s_deadline), "the worker wrote no rows:\n" + worker.Log);
        long rowsAtSignal = ShopDatabase.CountRows(db, run);
        worker.Signal(signal);

        Assert.True(worker.WaitForExit(s_deadline), $"the worker did not exit within {s_deadline} of signal {signal}:\n" + worker.Log);
        Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}:\n" + worker.Log);
        DrainLine drained = DrainLine.Of(worker);
        long rows = ShopDatabase.CountRows(db, run);
        Assert.Equal(run, drained.Run);
        Assert.Equal(drained.Processed, rows);
        Assert.Equal(drained.Rows, rows);
        Assert.Equal(drained.Posted, drained.Processed + drained.Dropped);
        Assert.True(drained.Balanced, worker.Log);

        // The signal came while the feed was ahead of the store (a full Wait queue): what it had queued was written after it.
        Assert.True(rows > rowsAtSignal, $"no row written after the signal ({rows} rows, {rowsAtSignal} at the signal):\n" + worker.Log);
        Assert.Single(worker.LinesWith("Feed stopped after"));
        Assert.Empty(worker.LinesWith("fail:"));
    }

    [Fact]
    public void A_fixed_number_of_orders_is_written_in_full_and_the_worker_stops_itself()
    {
        using var dir = new TempDirectory();
        string db = dir.File("events.db");
        using var worker = SampleProcess.Start("ShopWorker.dll", dir.Path, "--Feed:EventsPerSecond=0", "--Feed:Orders=2000", "--Store:DatabasePath=" + db);

        Assert.True(worker.WaitForExit(s_deadline), "the worker did not stop itself:\n" + worker.Log);
        Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}:\n" + worker.Log);
        DrainLine drained = DrainLine.Of(worker);
        Assert.Equal(new DrainLine(3 * 2000, 3 * 2000, 0, 1, 3 * 2000, Balanced: true), drained);
        Assert.Equal(3 * 2000, ShopDatabase.CountRows(db, run: 1));
        Assert.Single(worker.LinesWith("Feed stopped after 2000 orders;"));
    }

    private static long RunOf(SampleProcess worker)
    {
        Match m = Regex.Match(worker.Log, @"Writing shop events to .* as run (\d+)\.", RegexOptions.CultureInvariant);
        Assert.True(m.Success, "no 'Writing shop events' line:\n" + worker.Log);
        return long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
