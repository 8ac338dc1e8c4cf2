using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Two empty databases for one ingest run, one for the host and one for the raw baseline: SQLite files in a temp folder, or
/// throwaway databases on the PostgreSQL server whose admin connection string is given (COACHLOOP_BENCH_POSTGRES), dropped after.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _admin;
    private readonly string[] _names;

    private BenchDatabase(string connectionString, string rawConnectionString, string? folder, string? admin, string[] names)
    {
        ConnectionString = connectionString;
        RawConnectionString = rawConnectionString;
        _folder = folder;
        _admin = admin;
        _names = names;
    }

    public string ConnectionString { get; }
    public string RawConnectionString { get; }
    public bool Sqlite => _admin is null;

    public static async Task<BenchDatabase> CreateAsync(string? postgresAdmin)
    {
        if (postgresAdmin is null)
        {
            var folder = Directory.CreateTempSubdirectory("coachloop-bench").FullName;
            return new BenchDatabase($"Data Source={Path.Combine(folder, "host.db")}", $"Data Source={Path.Combine(folder, "raw.db")}", folder, null, []);
        }

        var names = new[] { "coachloop_bench_" + Guid.NewGuid().ToString("N")[..12], "coachloop_bench_raw_" + Guid.NewGuid().ToString("N")[..12] };
        await using (var connection = new NpgsqlConnection(postgresAdmin))
        {
            await connection.OpenAsync();
            foreach (var name in names)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        string For(string name) => new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
        return new BenchDatabase(For(names[0]), For(names[1]), null, postgresAdmin, names);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        foreach (var name in _names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
