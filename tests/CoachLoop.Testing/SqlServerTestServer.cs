using Xunit;

namespace CoachLoop.Testing;

/// <summary>
/// Where a test SQL Server is, when someone has one: COACHLOOP_TEST_SQLSERVER, a Microsoft.Data.SqlClient connection string to a
/// login that may CREATE DATABASE (e.g. "Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=true"). Nothing
/// starts one: this machine has none, so the provider suite's SQL Server cases skip unless it is set (and say so).
/// </summary>
public static class SqlServerTestServer
{
    public const string Variable = "COACHLOOP_TEST_SQLSERVER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static bool Available => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Skips the test when no server is named.</summary>
    public static string RequireConnectionString()
    {
        Skip.If(!Available, $"No SQL Server: set {Variable} to run the provider suite on one (none can run on this machine).");
        return ConnectionString!;
    }
}
