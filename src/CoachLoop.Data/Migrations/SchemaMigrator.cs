using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts embedded under Migrations/{Sqlite|Postgres}/ in order, each in
/// its own transaction together with its row in <c>schema_migrations</c>; a test per provider checks
/// that a migrated database matches the EF model. Safe when several hosts start at once: PostgreSQL
/// serialises them on an advisory lock, SQLite on its write lock. SQL Server's schema is EF Core's
/// own migrations (Migrations/SqlServer/*.cs, made by <c>dotnet ef</c>), applied by EF's migrator,
/// which serialises hosts on an application lock (docs/decisions/0001).
/// </summary>
public sealed class SchemaMigrator(CoachLoopDbContext db, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x436F_6163_684C_6F6F; // "CoachLoo"

    public static IReadOnlyList<MigrationScript> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => new MigrationScript(n[prefix.Length..^4], Read(assembly, n)))
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every version this build knows for the context's database, oldest first.</summary>
    public IReadOnlyList<string> KnownVersions() => db.IsSqlServer
        ? db.Database.GetMigrations().ToList()
        : Scripts(db.Provider).Select(s => s.Version).ToList();

    /// <summary>Applies every script not applied yet, up to and including <paramref name="targetVersion"/> when given.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? targetVersion = null, CancellationToken ct = default)
    {
        var provider = db.Provider;
        if (provider == DatabaseProvider.SqlServer)
        {
            return await MigrateSqlServerAsync(targetVersion, ct).ConfigureAwait(false);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging lets readers and the one writer proceed together (the outbox reads while actions write).
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct).ConfigureAwait(false);
            }

            // Under the same lock as the scripts: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a concurrent one
            // (two hosts starting on an empty database, the second failed with 42P07).
            await using (var tx = await LockedAsync(connection, provider, ct).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, tx, provider == DatabaseProvider.Sqlite
                    ? "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)"
                    : "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(100) NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)", ct)
                    .ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }

            var applied = new List<string>();
            foreach (var script in Scripts(provider))
            {
                if (targetVersion is not null && string.CompareOrdinal(script.Version, targetVersion) > 0)
                {
                    break;
                }

                if (await ApplyAsync(connection, provider, script, ct).ConfigureAwait(false))
                {
                    applied.Add(script.Version);
                    logger.LogInformation("Applied schema migration {Version}", script.Version);
                }
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> AppliedVersionsAsync(CancellationToken ct = default)
    {
        if (db.IsSqlServer)
        {
            return (await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
            var versions = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                versions.Add(reader.GetString(0));
            }

            return versions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> MigrateSqlServerAsync(string? targetVersion, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false))
            .Where(v => targetVersion is null || string.CompareOrdinal(v, targetVersion) <= 0).ToList();
        if (pending.Count == 0)
        {
            return pending;
        }

        // EF applies each migration in its own transaction with its history row, under sp_getapplock: a second host starting
        // at once waits, then finds nothing pending. What it applied is what was pending before, as far as the target.
        await db.Database.MigrateAsync(targetVersion, ct).ConfigureAwait(false);
        foreach (var version in pending)
        {
            logger.LogInformation("Applied schema migration {Version}", version);
        }

        return pending;
    }

    private static async Task<bool> ApplyAsync(DbConnection connection, DatabaseProvider provider, MigrationScript script, CancellationToken ct)
    {
        await using var tx = await LockedAsync(connection, provider, ct).ConfigureAwait(false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
            AddParameter(check, "@v", script.Version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }
        }

        await ExecuteAsync(connection, tx, script.Sql, ct).ConfigureAwait(false);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)";
            AddParameter(record, "@v", script.Version);
            AddParameter(record, "@at", provider == DatabaseProvider.Sqlite
                ? DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)
                : DateTimeOffset.UtcNow);
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>A transaction that, on PostgreSQL, holds the migration advisory lock until it ends.</summary>
    private static async Task<DbTransaction> LockedAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey.ToString(CultureInfo.InvariantCulture)})", ct)
                .ConfigureAwait(false);
        }

        return tx;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
