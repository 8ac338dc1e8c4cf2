namespace CoachLoop.Data.Migrations;

/// <summary>One versioned schema script, e.g. version "0002_api_keys".</summary>
public sealed record MigrationScript(string Version, string Sql);
