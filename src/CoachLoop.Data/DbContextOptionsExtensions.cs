using CoachLoop.Data.Modeling;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data;

public static class DbContextOptionsExtensions
{
    /// <summary>
    /// The SQL Server version the queries are translated for: 150 is SQL Server 2019, the oldest release still supported that
    /// contact centers run; Azure SQL and SQL Server 2022 accept the same SQL.
    /// </summary>
    public const int SqlServerCompatibilityLevel = 150;

    /// <summary>Points the context at SQLite or PostgreSQL.</summary>
    public static DbContextOptionsBuilder UseCoachLoopDatabase(this DbContextOptionsBuilder builder, string connectionString, bool sqlite) =>
        builder.UseCoachLoopDatabase(connectionString, sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres);

    /// <summary>Points the context at SQLite, PostgreSQL or SQL Server.</summary>
    public static DbContextOptionsBuilder UseCoachLoopDatabase(this DbContextOptionsBuilder builder, string connectionString, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString)
                .AddInterceptors(SqliteConnectionSetup.Instance, SqliteWriteGate.For(connectionString)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.UseCompatibilityLevel(SqlServerCompatibilityLevel))
                .AddInterceptors(SqlServerClaimHints.Instance),
            _ => builder.UseNpgsql(connectionString),
        };
    }

    public static DbContextOptionsBuilder UseCoachLoopDatabase(this DbContextOptionsBuilder builder, DataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder.UseCoachLoopDatabase(options.ResolveConnectionString(), options.Provider);
    }
}
