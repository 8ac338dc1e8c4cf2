using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data;

public static class DbContextOptionsExtensions
{
    /// <summary>Points the context at SQLite or PostgreSQL.</summary>
    public static DbContextOptionsBuilder UseCoachLoopDatabase(this DbContextOptionsBuilder builder, string connectionString, bool sqlite)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return sqlite
            ? builder.UseSqlite(connectionString).AddInterceptors(Modeling.SqliteConnectionSetup.Instance, Modeling.SqliteWriteGate.For(connectionString))
            : builder.UseNpgsql(connectionString);
    }

    public static DbContextOptionsBuilder UseCoachLoopDatabase(this DbContextOptionsBuilder builder, DataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder.UseCoachLoopDatabase(options.ResolveConnectionString(), options.Provider == DatabaseProvider.Sqlite);
    }
}
