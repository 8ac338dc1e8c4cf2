using System.Net.Http.Headers;

namespace CoachLoop.Bot.Tests.Api;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer cl_0000000000000000000000000000000000000000000000")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MachineApiWithoutAValidKeyIs401AndChangesNothing(string? authorization)
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = app.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ScoredCalls)));
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsHashes()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var secret = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var stored = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiKeys));

        Assert.NotEqual(secret, stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(CoachLoop.Data.Stores.ApiKeyStore.Hash(secret), stored.Hash);
    }

    [Fact]
    public async Task RevokedKeyIsRefused()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await app.WithDbAsync(async db =>
        {
            var key = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiKeys);
            key.RevokedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        var response = await client.GetAsync("/api/v1/flags");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AKeyRevokedWhileInUseIsRefusedOnceItsVerificationLapses()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/flags")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var key = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiKeys);
            key.RevokedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        // Verified keys are trusted for a bounded time without asking the database (one query less per request).
        var soon = await client.GetAsync("/api/v1/flags");
        app.Clock.Advance(CoachLoop.Data.Stores.ApiKeyCache.Lifetime + TimeSpan.FromSeconds(1));
        var later = await client.GetAsync("/api/v1/flags");

        Assert.Equal(HttpStatusCode.OK, soon.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApiAreServedWithoutAKey()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = app.CreateClient();

        var health = await Json.ReadAsync(await client.GetAsync("/healthz"));
        var openApi = await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"));

        Assert.Equal(("healthy", "sqlite", CoachLoop.Data.Migrations.SchemaMigrator.Scripts(CoachLoop.Data.DatabaseProvider.Sqlite)[^1].Version),
            (health.GetProperty("status").GetString(), health.GetProperty("database").GetString(), health.GetProperty("schema").GetString()));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/scored-calls", out _));
    }
}
