using CoachLoop.Data;
using Xunit;

namespace CoachLoop.Testing;

/// <summary>The providers the provider suite runs on: SQLite always, PostgreSQL and SQL Server when their servers are named.</summary>
public static class TestProviders
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer };
}
