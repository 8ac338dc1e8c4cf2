using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Data;

/// <summary>Which database, and where. SQLite (a file beside the host) is the embedded default.</summary>
public sealed class DataOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For PostgreSQL, an Npgsql connection string; for SQL Server, a Microsoft.Data.SqlClient one; for SQLite, optional (built
    /// from <see cref="SqlitePath"/>).
    /// </summary>
    public string? ConnectionString { get; set; }

    [Required]
    public string SqlitePath { get; set; } = "coachloop.db";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Postgres or DatabaseProvider.SqlServer => ConnectionString
            ?? throw new InvalidOperationException($"Database:ConnectionString is required for {Provider}."),
        _ => string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={SqlitePath}" : ConnectionString,
    };
}
