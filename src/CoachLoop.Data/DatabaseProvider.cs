namespace CoachLoop.Data;

/// <summary>The database the product runs on. SQL Server is not offered: see docs/decisions/0002.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
