using CoachLoop.Data;
using CoachLoop.Data.Migrations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoachLoop.Testing;

/// <summary>
/// A real, empty database for one test: a temp SQLite file, or a fresh PostgreSQL database on the
/// server .ci/run starts (COACHLOOP_TEST_POSTGRES), or a fresh SQL Server database on the server
/// COACHLOOP_TEST_SQLSERVER names. Without that server PostgreSQL tests are skipped, unless
/// COACHLOOP_REQUIRE_POSTGRES=1, when they fail; SQL Server tests are skipped without theirs.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;
    private string? _sqlServerName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.SqlServer => await CreateSqlServerAsync(),
        _ => await CreatePostgresAsync(),
    };

    public static async Task<TestDatabase> CreateSqlServerAsync()
    {
        var admin = SqlServerTestServer.RequireConnectionString();
        var name = "coachloop_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new SqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(admin) { InitialCatalog = name, Pooling = false };
        return new TestDatabase(DatabaseProvider.SqlServer, builder.ConnectionString, null, null) { _sqlServerName = name };
    }

    public static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "coachloop-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "test.db")};Pooling=False", dir, null);
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresServer.RequireConnectionString();
        var name = "coachloop_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, name);
    }

    public CoachLoopDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CoachLoopDbContext>();
        builder.UseCoachLoopDatabase(ConnectionString, Provider);
        return new CoachLoopDbContext(builder.Options);
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(string? target = null)
    {
        await using var db = CreateContext();
        return await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(target);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_sqlServerName is not null)
        {
            await using var connection = new SqlConnection(SqlServerTestServer.RequireConnectionString());
            await connection.OpenAsync();
            await using var command = new SqlCommand(
                $"ALTER DATABASE [{_sqlServerName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerName}]", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer.RequireConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
