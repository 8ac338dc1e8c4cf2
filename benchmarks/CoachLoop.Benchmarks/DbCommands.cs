using System.Data.Common;

namespace CoachLoop.Benchmarks;

/// <summary>Prepared commands with positional parameters @p0..@pN, for the benchmarks that write rows with plain SQL.</summary>
internal static class DbCommands
{
    public static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
        }

        return command;
    }

    public static async Task RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }
}
