using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Webhooks;

/// <summary>Subscriptions over the API: admin keys only, every bad field named, the secret shown once, paged lists, updates and disabling.</summary>
public sealed class WebhooksApiTests
{
    [Fact]
    public async Task OnlyAdminKeysManageSubscriptionsAndARefusalStoresNothing()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://crm.example.com/hook", events = new[] { "flag.raised" } });
        var listed = await client.GetAsync("/api/v1/webhooks");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (created.StatusCode, listed.StatusCode));
        Assert.Equal(0, await app.WithDbAsync(db => db.WebhookSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task BadInputIsAProblemNamingEachField()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var admin = await app.CreateApiClientAsync(admin: true);

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "ftp://crm.example.com/hook", events = new[] { "flag.raised", "flag.exploded" }, secret = "short" });
        var relative = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "/hook", events = Array.Empty<string>() });
        var missing = await admin.PostAsJsonAsync("/api/v1/webhooks", new { description = "no url" });
        var wrongType = await admin.PostAsync("/api/v1/webhooks", Json.Raw("{\"url\": 5, \"events\": [\"flag.raised\"]}"));
        var unknownParameter = await admin.GetAsync("/api/v1/webhooks?page=2");
        var badLimit = await admin.GetAsync("/api/v1/webhooks?limit=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["events[1]", "secret", "url"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("flag.raised", errors.GetProperty("events[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["events", "url"], (await Json.ReadAsync(relative)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(["events", "url"], (await Json.ReadAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("url", Assert.Single((await Json.ReadAsync(wrongType)).GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal("page", Assert.Single((await Json.ReadAsync(unknownParameter)).GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal("limit", Assert.Single((await Json.ReadAsync(badLimit)).GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal(0, await app.WithDbAsync(db => db.WebhookSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task TheSecretIsShownOnceGivenOrGeneratedAndEncryptedAtRestWhenAKeyIsConfigured()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Webhooks:SecretKey"] = key });
        var admin = await app.CreateApiClientAsync(admin: true);

        var given = await Json.ReadAsync(await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://crm.example.com/hook", events = new[] { "flag.raised" }, secret = "my-own-secret-of-24-chars" }));
        var generated = await Json.ReadAsync(await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://lms.example.com/hook", events = new[] { "practice.approved" }, description = "LMS" }));
        var read = await Json.ReadAsync(await admin.GetAsync($"/api/v1/webhooks/{given.GetProperty("id").GetGuid()}"));

        Assert.Equal("my-own-secret-of-24-chars", given.GetProperty("secret").GetString());
        Assert.StartsWith("whsec_", generated.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.False(read.TryGetProperty("secret", out var shown) && shown.ValueKind != JsonValueKind.Null);
        var stored = await app.WithDbAsync(db => db.WebhookSubscriptions.Select(s => s.Secret).ToListAsync());
        Assert.All(stored, s => Assert.StartsWith("v1:", s, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => s.Contains("my-own-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListsPageAndAnUpdateChangesEventsOrDisablesASubscription()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        var admin = await app.CreateApiClientAsync(admin: true);
        var id = await Hooks.SubscribeAsync(app, receiver, "flag.resolved");
        for (var i = 0; i < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = $"https://other{i}.example.com/", events = new[] { "flag.raised" } });
        }

        var first = await Json.ReadAsync(await admin.GetAsync("/api/v1/webhooks?limit=2"));
        var second = await Json.ReadAsync(await admin.GetAsync(first.GetProperty("next").GetString()));
        Assert.Equal(3, first.GetProperty("items").GetArrayLength() + second.GetProperty("items").GetArrayLength());
        Assert.Equal(id, first.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.False(second.TryGetProperty("next", out _));

        var patched = await admin.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { events = new[] { "flag.raised" } });
        Assert.Equal(["flag.raised"], (await Json.ReadAsync(patched)).GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));
        await chat.DispatchAsync();
        Assert.Equal(["flag.raised"], receiver.Events.Select(e => e.Type));

        var disabled = await admin.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { enabled = false });
        Assert.False((await Json.ReadAsync(disabled)).GetProperty("enabled").GetBoolean());
        await chat.PostCallAsync(Json.Call("c2"));
        await chat.DispatchAsync();
        Assert.Single(receiver.Events);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/webhooks/{id}/test", null)).StatusCode);
        var badPatch = await admin.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "not a url" });
        Assert.Equal("url", Assert.Single((await Json.ReadAsync(badPatch)).GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync($"/api/v1/webhooks/{Guid.NewGuid()}", new { enabled = true })).StatusCode);
    }
}
