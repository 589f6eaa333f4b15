using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ShopWorker.Storage;

/// <summary>
/// The embedded SQLite database the listener writes to: one row per event, each in its own transaction, tagged with
/// this process's run so that a file reused across runs still tells what each run wrote.
/// </summary>
/// <remarks>
/// The writing connection belongs to the one queue thread that appends; counting opens a
/// connection of its own (WAL mode lets it read beside the writer), so a report never races the writer.
/// </remarks>
public sealed class EventStore : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insert;
    private readonly string _connectionString;

    /// <summary>Opens (or makes) the database, its tables and this process's run.</summary>
    /// <param name="options">Where the database is.</param>
    public EventStore(IOptions<StoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = Path.GetFullPath(options.Value.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                run INTEGER NOT NULL REFERENCES runs (id),
                kind TEXT NOT NULL,
                order_id INTEGER NOT NULL,
                amount INTEGER,
                detail TEXT);
            """);
        using (SqliteCommand run = _writer.CreateCommand())
        {
            run.CommandText = "INSERT INTO runs (started_at) VALUES ($at) RETURNING id;";
            run.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            RunId = (long)run.ExecuteScalar()!;
        }

        _insert = _writer.CreateCommand();
        _insert.CommandText = "INSERT INTO events (run, kind, order_id, amount, detail) VALUES ($run, $kind, $order, $amount, $detail);";
        _insert.Parameters.AddWithValue("$run", RunId);
        _insert.Parameters.Add("$kind", SqliteType.Text);
        _insert.Parameters.Add("$order", SqliteType.Integer);
        _insert.Parameters.Add("$amount", SqliteType.Integer);
        _insert.Parameters.Add("$detail", SqliteType.Text);
        _insert.Prepare();
    }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    /// <summary>This process's run: the <c>run</c> column of every row it writes.</summary>
    public long RunId { get; }

    /// <summary>Writes one event's row in a transaction of its own.</summary>
    /// <param name="kind">The event's type name.</param>
    /// <param name="orderId">The order it is about.</param>
    /// <param name="amount">A sum of money in cents, if the event has one.</param>
    /// <param name="detail">A text the event carries, if any.</param>
    public void Append(string kind, long orderId, long? amount, string? detail)
    {
        Bind(kind, orderId, amount, detail);
        CheckOneRow(kind, _insert.ExecuteNonQuery());
    }

    /// <summary>Writes one event's row in a transaction of its own, committed when the task completes.</summary>
    /// <param name="kind">The event's type name.</param>
    /// <param name="orderId">The order it is about.</param>
    /// <param name="amount">A sum of money in cents, if the event has one.</param>
    /// <param name="detail">A text the event carries, if any.</param>
    /// <param name="cancellationToken">Gives up before the row is written.</param>
    /// <returns>A task that completes when the row is committed.</returns>
    public async ValueTask AppendAsync(string kind, long orderId, long? amount, string? detail, CancellationToken cancellationToken)
    {
        Bind(kind, orderId, amount, detail);
        CheckOneRow(kind, await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Counts the rows this run has written so far, on a connection of its own.</summary>
    /// <returns>The number of rows whose <c>run</c> is <see cref="RunId"/>.</returns>
    public long CountRows()
    {
        using var reader = new SqliteConnection(_connectionString);
        reader.Open();
        using SqliteCommand count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM events WHERE run = $run;";
        count.Parameters.AddWithValue("$run", RunId);
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Closes the writing connection.</summary>
    public void Dispose()
    {
        _insert.Dispose();
        _writer.Dispose();
    }

    private void Bind(string kind, long orderId, long? amount, string? detail)
    {
        _insert.Parameters["$kind"].Value = kind;
        _insert.Parameters["$order"].Value = orderId;
        _insert.Parameters["$amount"].Value = amount is { } a ? a : DBNull.Value;
        _insert.Parameters["$detail"].Value = (object?)detail ?? DBNull.Value;
    }

    private void CheckOneRow(string kind, int written)
    {
        if (written != 1)
        {
            throw new InvalidOperationException($"Writing a {kind} row to {DatabasePath} changed {written} rows, not 1.");
        }
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
