using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachLoop.Data.Migrations;

/// <summary>
/// The context `dotnet ef` builds to add a SQL Server migration or write its script (scripts/sqlserver-migration.sh): only SQL
/// Server's schema is EF's; SQLite's and PostgreSQL's are the hand-written scripts beside it. Nothing connects: adding a migration
/// and scripting it compare models only.
/// </summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<CoachLoopDbContext>
{
    /// <summary>A connection string that names no reachable server: the design-time tools never open it.</summary>
    public const string OfflineConnectionString = "Server=coachloop-design-time.invalid;Database=coachloop;Integrated Security=false;Encrypt=false";

    public CoachLoopDbContext CreateDbContext(string[] args) => Create();

    public static CoachLoopDbContext Create()
    {
        var builder = new DbContextOptionsBuilder<CoachLoopDbContext>();
        builder.UseCoachLoopDatabase(OfflineConnectionString, DatabaseProvider.SqlServer);
        return new CoachLoopDbContext(builder.Options);
    }
}
