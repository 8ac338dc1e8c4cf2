using System.Data.Common;
using System.Globalization;

namespace CoachLoop.Data.Tests.Support;

/// <summary>SQL Server's catalog in the snapshot's shape: types spelled as EF spells them (nvarchar(n), decimal(p,s)).</summary>
public sealed partial record SchemaSnapshot
{
    private static async Task<SchemaSnapshot> ReadSqlServerAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var name in await ListAsync(connection, "SELECT name FROM sys.tables WHERE name <> '__EFMigrationsHistory'"))
        {
            var columns = new Dictionary<string, ColumnShape>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT c.name, t.name, c.max_length, c.precision, c.scale, c.is_nullable FROM sys.columns c " +
                    $"JOIN sys.types t ON t.user_type_id = c.user_type_id WHERE c.object_id = OBJECT_ID(N'[{name}]')";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var type = reader.GetString(1);
                    var length = reader.GetInt16(2);
                    var spelled = type switch
                    {
                        "nvarchar" => length < 0 ? "nvarchar(max)" : $"nvarchar({(length / 2).ToString(CultureInfo.InvariantCulture)})",
                        "decimal" => $"decimal({reader.GetByte(3).ToString(CultureInfo.InvariantCulture)},{reader.GetByte(4).ToString(CultureInfo.InvariantCulture)})",
                        _ => type,
                    };
                    columns[reader.GetString(0)] = new ColumnShape(spelled, reader.GetBoolean(5));
                }
            }

            var indexes = new Dictionary<string, bool>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name, is_unique FROM sys.indexes " +
                    $"WHERE object_id = OBJECT_ID(N'[{name}]') AND is_primary_key = 0 AND type > 0";
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
}
