using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace GeneratedBus.Samples.RedisExactlyOnce.Tests.Support;

/// <summary>The sample's SQLite file, read on a connection of the test's own.</summary>
internal sealed class LedgerDatabase
{
    private readonly string _path;

    public LedgerDatabase(string path) => _path = path;

    /// <summary>Rows in <c>effects</c>; 0 while the file or the table does not exist yet.</summary>
    public long Effects() => Exists() ? Scalar("SELECT COUNT(*) FROM effects;") : 0;

    /// <summary>Skipped deliveries, over all runs.</summary>
    public long Skipped() => Scalar("SELECT COALESCE(SUM(skipped), 0) FROM skips;");

    /// <summary>The sum of every account's balance.</summary>
    public long TotalBalance() => Scalar("SELECT COALESCE(SUM(balance), 0) FROM balances;");

    /// <summary>How many rows each (producer, sequence) has in <c>effects</c>.</summary>
    public Dictionary<(string Producer, long Sequence), long> RowsPerEvent()
    {
        var rows = new Dictionary<(string, long), long>();
        using SqliteConnection connection = Open();
        using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT producer, sequence, COUNT(*) FROM effects GROUP BY producer, sequence;";
        using SqliteDataReader reader = read.ExecuteReader();
        while (reader.Read())
        {
            rows[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }

        return rows;
    }

    /// <summary>Each producer's last sequence in <c>progress</c>.</summary>
    public Dictionary<string, long> Progress()
    {
        var progress = new Dictionary<string, long>();
        using SqliteConnection connection = Open();
        using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT producer, last_sequence FROM progress;";
        using SqliteDataReader reader = read.ExecuteReader();
        while (reader.Read())
        {
            progress[reader.GetString(0)] = reader.GetInt64(1);
        }

        return progress;
    }

    private bool Exists()
    {
        if (!File.Exists(_path))
        {
            return false;
        }

        return Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'effects';") == 1;
    }

    private long Scalar(string sql)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand read = connection.CreateCommand();
        read.CommandText = sql;
        return (long)read.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
