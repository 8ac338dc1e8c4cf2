namespace CoachLoop.Data;

/// <summary>The database the product runs on: see docs/decisions/0002.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
