using System;
using GeneratedBus.Redis.Subscribing;
using Microsoft.Data.Sqlite;

namespace RedisExactlyOnce;

/// <summary>What <see cref="EffectStore.Apply"/> did with one delivery.</summary>
public enum EffectOutcome
{
    /// <summary>The effect was written, with the producer's new last sequence, in one transaction.</summary>
    Applied,

    /// <summary>The sequence was at or below the producer's stored one: applied before (a redelivery); only counted.</summary>
    Skipped,
}

/// <summary>
/// The listener's durable effects in SQLite, made exactly once: ONE transaction writes the effect (a row in
/// <c>effects</c> and the account's new balance) together with the producer's last sequence in <c>progress</c>, so a
/// crash leaves either both or neither. A delivery whose sequence is at or below the stored one was applied before the
/// crash (processed, then never acknowledged) and is skipped and counted in <c>skips</c>.
/// </summary>
/// <remarks>
/// The rule needs each producer's events in order, which one consumer of a group gets. <c>effects</c> has no unique
/// key on (producer, sequence) on purpose: <c>progress</c> alone keeps the effects single, and the test counts rows
/// per key to prove it.
/// </remarks>
public sealed class EffectStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private EffectStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Effects in the database, written by any run.</summary>
    public long Effects { get; private set; }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public static EffectStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (SqliteCommand schema = connection.CreateCommand())
        {
            schema.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS effects (producer TEXT NOT NULL, sequence INTEGER NOT NULL, account TEXT NOT NULL, change INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS balances (account TEXT PRIMARY KEY, balance INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS progress (producer TEXT PRIMARY KEY, last_sequence INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS skips (producer TEXT PRIMARY KEY, skipped INTEGER NOT NULL);
                """;
            schema.ExecuteNonQuery();
        }

        var store = new EffectStore(connection);
        store.Effects = store.Scalar("SELECT COUNT(*) FROM effects;");
        return store;
    }

    /// <summary>Applies <paramref name="e"/>, delivered as <paramref name="delivery"/>, exactly once.</summary>
    public EffectOutcome Apply(RedisDelivery delivery, LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(e);
        using SqliteTransaction transaction = _connection.BeginTransaction();
        long last = LastSequence(transaction, delivery.Producer);
        if (delivery.Sequence <= last)
        {
            Execute(transaction, """
                INSERT INTO skips (producer, skipped) VALUES ($producer, 1)
                ON CONFLICT (producer) DO UPDATE SET skipped = skipped + 1;
                """, delivery, e);
            transaction.Commit();
            return EffectOutcome.Skipped;
        }

        Execute(transaction, """
            INSERT INTO effects (producer, sequence, account, change) VALUES ($producer, $sequence, $account, $change);
            INSERT INTO balances (account, balance) VALUES ($account, $change)
            ON CONFLICT (account) DO UPDATE SET balance = balance + $change;
            INSERT INTO progress (producer, last_sequence) VALUES ($producer, $sequence)
            ON CONFLICT (producer) DO UPDATE SET last_sequence = $sequence;
            """, delivery, e);
        transaction.Commit();
        Effects++;
        return EffectOutcome.Applied;
    }

    /// <summary>Skipped deliveries in the database, counted by any run.</summary>
    public long SkippedTotal() => Scalar("SELECT COALESCE(SUM(skipped), 0) FROM skips;");

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>What the event does to its account's balance.</summary>
    public static long ChangeOf(LedgerEvent e) => e switch
    {
        Deposit d => d.Amount,
        Withdrawal w => -w.Amount,
        _ => throw new ArgumentException($"{e.GetType().Name} is not a ledger event this store knows.", nameof(e)),
    };

    private long LastSequence(SqliteTransaction transaction, string producer)
    {
        using SqliteCommand read = _connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT last_sequence FROM progress WHERE producer = $producer;";
        read.Parameters.AddWithValue("$producer", producer);
        return read.ExecuteScalar() is long last ? last : 0;
    }

    private void Execute(SqliteTransaction transaction, string sql, RedisDelivery delivery, LedgerEvent e)
    {
        using SqliteCommand write = _connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = sql;
        write.Parameters.AddWithValue("$producer", delivery.Producer);
        write.Parameters.AddWithValue("$sequence", delivery.Sequence);
        write.Parameters.AddWithValue("$account", e.Account);
        write.Parameters.AddWithValue("$change", ChangeOf(e));
        write.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using SqliteCommand read = _connection.CreateCommand();
        read.CommandText = sql;
        return (long)read.ExecuteScalar()!;
    }
}
