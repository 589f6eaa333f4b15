using System.IO;
using Microsoft.Data.Sqlite;

namespace GeneratedBus.Samples.Worker.Tests.Support;

/// <summary>The worker's SQLite file, read on a connection of the test's own.</summary>
internal static class ShopDatabase
{
    /// <summary>The rows of one run; 0 while the file or its table does not exist yet.</summary>
    public static long CountRows(string path, long run)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'events';";
        if ((long)count.ExecuteScalar()! == 0)
        {
            return 0;
        }

        count.CommandText = "SELECT COUNT(*) FROM events WHERE run = $run;";
        count.Parameters.AddWithValue("$run", run);
        return (long)count.ExecuteScalar()!;
    }
}
