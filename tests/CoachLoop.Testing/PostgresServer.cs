using Xunit;

namespace CoachLoop.Testing;

/// <summary>Where the test PostgreSQL server is, as .ci/run (scripts/test.sh) exports it.</summary>
public static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("COACHLOOP_TEST_POSTGRES");

    public static bool Required => Environment.GetEnvironmentVariable("COACHLOOP_REQUIRE_POSTGRES") == "1";

    /// <summary>Skips the test when no server is configured, unless the run requires one.</summary>
    public static string RequireConnectionString()
    {
        var value = ConnectionString;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (Required)
            {
                throw new InvalidOperationException("COACHLOOP_REQUIRE_POSTGRES=1 but COACHLOOP_TEST_POSTGRES is not set.");
            }

            Skip.If(true, "No PostgreSQL server: set COACHLOOP_TEST_POSTGRES (scripts/test.sh starts one).");
        }

        return value!;
    }
}
