namespace CoachLoop.Data.Migrations;

/// <summary>Names the SQL Server migrations and the model share (docs/decisions/0001).</summary>
public static class SqlServerSchema
{
    /// <summary>The INSTEAD OF UPDATE, DELETE trigger that keeps audit_entries append-only.</summary>
    public const string AuditTrigger = "trg_audit_entries_append_only";

    /// <summary>The checked-in DDL: every migration as one idempotent script, as `dotnet ef migrations script --idempotent` writes it.</summary>
    public const string ScriptPath = "src/CoachLoop.Data/Migrations/SqlServer/coachloop-sqlserver.sql";
}
