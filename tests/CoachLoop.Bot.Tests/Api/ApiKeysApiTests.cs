using System.Net.Http.Headers;
using System.Text.Json;
using CoachLoop.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>API keys managed over HTTP by admin keys: create, list, rotate, revoke; other keys are refused and change nothing.</summary>
public sealed class ApiKeysApiTests
{
    [Fact]
    public async Task AKeyThatIsNotAnAdminKeyGets403ProblemsAndChangesNothing()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        await app.CreateApiClientAsync("ops", admin: true);
        var client = await app.CreateApiClientAsync("crm");
        var before = await KeysAsync(app);

        HttpResponseMessage[] answers =
        [
            await client.GetAsync("/api/v1/api-keys"),
            await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "sneaky", admin = true }),
            await client.PostAsync("/api/v1/api-keys/ops/revoke", null),
            await client.PostAsync("/api/v1/api-keys/ops/rotate", null),
            await client.PostAsync("/api/v1/api-keys/crm/rotate", null),
        ];

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"), (a.StatusCode, a.Content.Headers.ContentType?.MediaType)));
        Assert.Contains("admin API key", (await Json.ReadAsync(answers[0])).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await KeysAsync(app));
    }

    [Fact]
    public async Task AnAdminKeyCreatesAWorkingKeyAndTheListShowsNoSecretOrHash()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var admin = await app.CreateApiClientAsync("ops", admin: true);

        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crm" });
        var secret = (await Json.ReadAsync(created)).GetProperty("key").GetString()!;
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var used = await Bearer(app, secret).GetAsync("/api/v1/flags");
        var list = await admin.GetAsync("/api/v1/api-keys");
        var text = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/api-keys/crm", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var crm = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "crm");
        Assert.False(crm.GetProperty("admin").GetBoolean());
        Assert.Equal(ManualClock.DefaultStart, crm.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(ManualClock.DefaultStart.AddMinutes(5), crm.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.False(crm.TryGetProperty("key", out _));
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        foreach (var hash in await app.WithDbAsync(db => db.ApiKeys.Select(k => k.Hash).ToListAsync()))
        {
            Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NamesAreUniqueEvenAfterRevocationAndMustBeWellFormed()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var admin = await app.CreateApiClientAsync("ops", admin: true);
        await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crm" });

        var twice = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crm" });
        await admin.PostAsync("/api/v1/api-keys/crm/revoke", null);
        var afterRevoke = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crm" });
        var badName = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "my key!" });

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (twice.StatusCode, twice.Content.Headers.ContentType?.MediaType));
        Assert.Contains("'crm' exists already", (await Json.ReadAsync(twice)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.True((await Json.ReadAsync(badName)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(2, await app.WithDbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceOnThisHostThoughItWasJustVerified()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var admin = await app.CreateApiClientAsync("ops", admin: true);
        var crm = await app.CreateApiClientAsync("crm");
        Assert.Equal(HttpStatusCode.OK, (await crm.GetAsync("/api/v1/flags")).StatusCode);

        var revoked = await admin.PostAsync("/api/v1/api-keys/crm/revoke", null);
        var after = await crm.GetAsync("/api/v1/flags");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(app.Clock.GetUtcNow(), (await Json.ReadAsync(revoked)).GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/api-keys/nobody/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task RotationReplacesTheSecretAtOnceAndARevokedKeyCannotBeRotated()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var admin = await app.CreateApiClientAsync("ops", admin: true);
        var old = await app.CreateApiClientAsync("crm");
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/flags")).StatusCode);

        var rotated = await Json.ReadAsync(await admin.PostAsync("/api/v1/api-keys/crm/rotate", null));
        var fresh = Bearer(app, rotated.GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/flags")).StatusCode);
        Assert.Equal(("crm", app.Clock.GetUtcNow()), (rotated.GetProperty("name").GetString(), rotated.GetProperty("rotatedAt").GetDateTimeOffset()));
        await admin.PostAsync("/api/v1/api-keys/crm/revoke", null);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/v1/api-keys/crm/rotate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/v1/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/api-keys/nobody/rotate", null)).StatusCode);
    }

    [Fact]
    public async Task LastUsedIsWrittenAtMostOnceAMinuteNotOnEveryRequest()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync("crm");
        async Task<DateTimeOffset?> UseAsync(TimeSpan after)
        {
            app.Clock.Advance(after);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/flags")).StatusCode);
            return await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "crm").Select(k => k.LastUsedAt).SingleAsync());
        }

        var first = await UseAsync(TimeSpan.Zero);
        var soon = await UseAsync(TimeSpan.FromSeconds(40));
        var later = await UseAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(ManualClock.DefaultStart, first);
        Assert.Equal(ManualClock.DefaultStart, soon);
        Assert.Equal(ManualClock.DefaultStart.AddSeconds(80), later);
    }

    private static HttpClient Bearer(CoachLoopApp app, string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static Task<string> KeysAsync(CoachLoopApp app) => app.WithDbAsync(async db => string.Join(";",
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync()).Select(k => $"{k.Name},{k.Hash},{k.IsAdmin},{k.RevokedAt},{k.RotatedAt}")));
}
