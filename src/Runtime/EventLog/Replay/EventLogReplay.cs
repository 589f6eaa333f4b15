using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GeneratedBus.EventLog.Replay;

/// <summary>
/// Reads an event log (plain, gzip or Brotli, or a rolled directory) and posts its events, in order, to a bus, with
/// Spark's rules: a malformed last line is skipped only when the log may be truncated; any other malformed line, or
/// one over a limit, ends the replay with an <see cref="EventLogFormatException"/> naming it. Unknown event names are
/// counted, never resolved to a type.
/// </summary>
public static class EventLogReplay
{
    /// <summary>Replays the log at <paramref name="path"/> into <paramref name="post"/> (a bus's <c>Post</c> or <c>PostToAll</c>).</summary>
    /// <typeparam name="TEvent">The bus's event root.</typeparam>
    /// <param name="path">A log file (<c>.gz</c>, <c>.br</c>, <c>.inprogress</c> as the writer names them), or a rolled log's directory.</param>
    /// <param name="codec">The bus's codec, <c>{Bus}JsonCodec.Instance</c>.</param>
    /// <param name="post">Where each event goes.</param>
    /// <param name="options">Limits and tolerance; <see langword="null"/> for the defaults.</param>
    /// <returns>What was read.</returns>
    /// <exception cref="EventLogFormatException">A line is malformed (and may not be skipped) or over a limit.</exception>
    /// <exception cref="FileNotFoundException">There is no log at <paramref name="path"/>.</exception>
    /// <exception cref="NotSupportedException">The log uses a compression codec replay cannot read.</exception>
    public static EventLogSummary Replay<TEvent>(string path, IEventJsonCodec<TEvent> codec, Action<TEvent> post, EventLogReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        ReplayRun<TEvent> run = Start(path, codec, ref options);
        for (int i = 0; i < run.Files.Count; i++)
        {
            string file = run.Files[i];
            bool lastFile = i == run.Files.Count - 1;
            using Stream stream = EventLogFiles.Open(file, asynchronous: false);
            var reader = new BoundedLineReader(stream, file, options.MaxLineBytes);
            while (Next(reader, file))
            {
                if (run.Read(reader.Current, file, reader.LineNumber, out TEvent? @event, out string? malformed))
                {
                    post(@event!);
                }
                else if (malformed is not null)
                {
                    long line = reader.LineNumber;
                    run.Malformed(file, line, malformed, lastFile && !Next(reader, file));
                }
            }
        }

        return run.Summary();
    }

    /// <summary>Replays the log at <paramref name="path"/> into <paramref name="post"/>, reading asynchronously; for a queued bus's <c>PostAsync</c>.</summary>
    /// <typeparam name="TEvent">The bus's event root.</typeparam>
    /// <param name="path">A log file (<c>.gz</c>, <c>.br</c>, <c>.inprogress</c> as the writer names them), or a rolled log's directory.</param>
    /// <param name="codec">The bus's codec, <c>{Bus}JsonCodec.Instance</c>.</param>
    /// <param name="post">Where each event goes; awaited before the next line is read.</param>
    /// <param name="options">Limits and tolerance; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the replay between lines.</param>
    /// <returns>What was read.</returns>
    /// <exception cref="EventLogFormatException">A line is malformed (and may not be skipped) or over a limit.</exception>
    /// <exception cref="FileNotFoundException">There is no log at <paramref name="path"/>.</exception>
    /// <exception cref="NotSupportedException">The log uses a compression codec replay cannot read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<EventLogSummary> ReplayAsync<TEvent>(
        string path, IEventJsonCodec<TEvent> codec, Func<TEvent, CancellationToken, ValueTask> post, EventLogReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        ReplayRun<TEvent> run = Start(path, codec, ref options);
        for (int i = 0; i < run.Files.Count; i++)
        {
            string file = run.Files[i];
            bool lastFile = i == run.Files.Count - 1;
            Stream stream = EventLogFiles.Open(file, asynchronous: true);
            await using (stream.ConfigureAwait(false))
            {
                var reader = new BoundedLineReader(stream, file, options.MaxLineBytes);
                while (await NextAsync(reader, file, cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (run.Read(reader.Current, file, reader.LineNumber, out TEvent? @event, out string? malformed))
                    {
                        await post(@event!, cancellationToken).ConfigureAwait(false);
                    }
                    else if (malformed is not null)
                    {
                        long line = reader.LineNumber;
                        run.Malformed(file, line, malformed, lastFile && !await NextAsync(reader, file, cancellationToken).ConfigureAwait(false));
                    }
                }
            }
        }

        return run.Summary();
    }

    /// <summary>Replays the log at <paramref name="path"/> into <paramref name="post"/>, reading asynchronously.</summary>
    /// <inheritdoc cref="ReplayAsync{TEvent}(string, IEventJsonCodec{TEvent}, Func{TEvent, CancellationToken, ValueTask}, EventLogReplayOptions?, CancellationToken)"/>
    public static Task<EventLogSummary> ReplayAsync<TEvent>(
        string path, IEventJsonCodec<TEvent> codec, Action<TEvent> post, EventLogReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        return ReplayAsync(path, codec, (e, _) =>
        {
            post(e);
            return ValueTask.CompletedTask;
        }, options, cancellationToken);
    }

    private static ReplayRun<TEvent> Start<TEvent>(string path, IEventJsonCodec<TEvent> codec, [System.Diagnostics.CodeAnalysis.NotNull] ref EventLogReplayOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(codec);
        options ??= EventLogReplayOptions.Default;
        var (files, mayBeTruncated) = EventLogFiles.Resolve(path);
        return new ReplayRun<TEvent>(codec, options, files, mayBeTruncated || options.MayBeTruncated);
    }

    private static bool Next(BoundedLineReader reader, string file)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (InvalidDataException exception)
        {
            throw ReplayRun<object>.Corrupt(file, reader.LineNumber + 1, exception);
        }
    }

    private static async ValueTask<bool> NextAsync(BoundedLineReader reader, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw ReplayRun<object>.Corrupt(file, reader.LineNumber + 1, exception);
        }
    }
}
