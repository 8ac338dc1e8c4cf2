using CoachLoop.Data;
using CoachLoop.Data.Migrations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

internal static class HealthApi
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", CheckAsync).AllowAnonymous().WithName("Health");

    /// <summary>Healthy when the database answers and carries every schema migration this build knows.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        CoachLoopDbContext db, SchemaMigrator migrator, CancellationToken ct)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct).ConfigureAwait(false))
            {
                return Unhealthy("database unreachable");
            }

            var applied = await migrator.AppliedVersionsAsync(ct).ConfigureAwait(false);
            var expected = migrator.KnownVersions();
            var missing = expected.Except(applied, StringComparer.Ordinal).ToList();
            return missing.Count == 0
                ? TypedResults.Ok(new HealthReport("healthy", db.Provider.ToString().ToLowerInvariant(), applied.LastOrDefault(), null))
                : Unhealthy($"schema migrations pending: {string.Join(", ", missing)}");
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return Unhealthy("database error: " + ex.GetType().Name);
        }
    }

    private static JsonHttpResult<HealthReport> Unhealthy(string reason) =>
        TypedResults.Json(new HealthReport("unhealthy", null, null, reason), statusCode: StatusCodes.Status503ServiceUnavailable);
}

internal sealed record HealthReport(string Status, string? Database, string? Schema, string? Reason);
