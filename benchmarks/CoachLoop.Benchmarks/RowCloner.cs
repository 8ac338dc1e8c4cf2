using Microsoft.Data.Sqlite;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Reads rows as column/value maps and inserts edited copies, with one prepared INSERT per table and column set. Column names come
/// from the migrated schema itself, so a new column is copied without touching this code.
/// </summary>
internal sealed class RowCloner(SqliteConnection connection)
{
    private readonly Dictionary<string, SqliteCommand> _inserts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _read = new(StringComparer.Ordinal);

    /// <summary>Like <see cref="AllAsync"/>, but each template is read once; every call returns fresh copies to edit.</summary>
    public async Task<List<Dictionary<string, object?>>> CachedAsync(SqliteTransaction tx, string table, string column, object value)
    {
        var key = $"{table}:{column}:{value}";
        if (!_read.TryGetValue(key, out var rows))
        {
            _read[key] = rows = await AllAsync(tx, table, column, value);
        }

        return rows.Select(r => new Dictionary<string, object?>(r, StringComparer.Ordinal)).ToList();
    }

    public async Task<List<Dictionary<string, object?>>> AllAsync(SqliteTransaction tx, string table, string column, object value)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = $v";
        command.Parameters.AddWithValue("$v", value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task InsertAsync(SqliteTransaction tx, string table, Dictionary<string, object?> row)
    {
        var columns = row.Keys.ToList();
        var key = table + ":" + string.Join(',', columns);
        if (!_inserts.TryGetValue(key, out var insert))
        {
            insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            _inserts[key] = insert;
        }

        insert.Transaction = tx;
        for (var i = 0; i < columns.Count; i++)
        {
            insert.Parameters[i].Value = row[columns[i]] ?? DBNull.Value;
        }

        await insert.ExecuteNonQueryAsync();
    }
}
