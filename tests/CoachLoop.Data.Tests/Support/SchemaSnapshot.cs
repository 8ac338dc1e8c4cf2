using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoachLoop.Data.Tests.Support;

/// <summary>Tables, columns (type, nullability) and indexes (uniqueness) of a database or of the EF model, in one comparable shape.</summary>
public sealed partial record SchemaSnapshot(IReadOnlyDictionary<string, TableShape> Tables)
{
    public static SchemaSnapshot FromModel(CoachLoopDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            var columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnShape(Normalise(c.StoreType, db.IsSqlite), c.IsNullable),
                StringComparer.Ordinal);
            var indexes = table.Indexes.ToDictionary(i => i.Name, i => i.IsUnique, StringComparer.Ordinal);
            tables[table.Name] = new TableShape(columns, indexes);
        }

        return new SchemaSnapshot(tables);
    }

    public static async Task<SchemaSnapshot> FromDatabaseAsync(CoachLoopDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return db.Provider switch
            {
                DatabaseProvider.Sqlite => await ReadSqliteAsync(connection),
                DatabaseProvider.SqlServer => await ReadSqlServerAsync(connection),
                _ => await ReadPostgresAsync(connection),
            };
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Every difference, in words; empty when the database matches.</summary>
    public IReadOnlyList<string> Differences(SchemaSnapshot database)
    {
        var diffs = new List<string>();
        foreach (var (name, table) in Tables)
        {
            if (!database.Tables.TryGetValue(name, out var actual))
            {
                diffs.Add($"table {name} is missing");
                continue;
            }

            foreach (var (column, shape) in table.Columns)
            {
                if (!actual.Columns.TryGetValue(column, out var found))
                {
                    diffs.Add($"column {name}.{column} is missing");
                }
                else if (found != shape)
                {
                    diffs.Add($"column {name}.{column} is {found}, the model wants {shape}");
                }
            }

            diffs.AddRange(actual.Columns.Keys.Except(table.Columns.Keys).Select(c => $"column {name}.{c} is not in the model"));
            foreach (var (index, unique) in table.Indexes)
            {
                if (!actual.Indexes.TryGetValue(index, out var foundUnique))
                {
                    diffs.Add($"index {index} is missing");
                }
                else if (foundUnique != unique)
                {
                    diffs.Add($"index {index} unique={foundUnique}, the model wants unique={unique}");
                }
            }
        }

        diffs.AddRange(database.Tables.Keys.Except(Tables.Keys).Where(t => t != "schema_migrations").Select(t => $"table {t} is not in the model"));
        return diffs;
    }

    private static async Task<SchemaSnapshot> ReadSqliteAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var name in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            var columns = new Dictionary<string, ColumnShape>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA table_info(\"{name}\")";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var notNull = reader.GetInt64(3) == 1 || reader.GetInt64(5) > 0;
                    columns[reader.GetString(1)] = new ColumnShape(Normalise(reader.GetString(2), true), !notNull);
                }
            }

            var indexes = new Dictionary<string, bool>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA index_list(\"{name}\")";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    indexes[reader.GetString(1)] = reader.GetInt64(2) == 1;
                }
            }

            tables[name] = new TableShape(columns, indexes);
        }

        return new SchemaSnapshot(tables);
    }

    private static async Task<SchemaSnapshot> ReadPostgresAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var name in await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
        {
            var columns = new Dictionary<string, ColumnShape>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull FROM pg_attribute a " +
                    $"WHERE a.attrelid = 'public.{name}'::regclass AND a.attnum > 0 AND NOT a.attisdropped";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns[reader.GetString(0)] = new ColumnShape(Normalise(reader.GetString(1), false), reader.GetBoolean(2));
                }
            }

            var indexes = new Dictionary<string, bool>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT i.relname, x.indisunique FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                    $"WHERE x.indrelid = 'public.{name}'::regclass AND NOT x.indisprimary";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    indexes[reader.GetString(0)] = reader.GetBoolean(1);
                }
            }

            tables[name] = new TableShape(columns, indexes);
        }

        return new SchemaSnapshot(tables);
    }

    internal static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    // SQLite compares by declared affinity; PostgreSQL spells some types two ways.
    private static string Normalise(string storeType, bool sqlite) =>
        sqlite ? storeType.ToUpperInvariant() : storeType.ToLowerInvariant().Replace("timestamptz", "timestamp with time zone", StringComparison.Ordinal);
}

public sealed record TableShape(IReadOnlyDictionary<string, ColumnShape> Columns, IReadOnlyDictionary<string, bool> Indexes);

public sealed record ColumnShape(string Type, bool Nullable);
