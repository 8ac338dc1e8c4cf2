using System.Net.Http.Headers;
using System.Text;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// Several hundred malformed requests over real HTTP across every route of the API and the web channel (bad query values,
/// unknown parameters, bad route values, broken bodies, wrong content types, odd headers and methods), from a fixed seed:
/// none may be answered with a 5xx, and none may store anything.
/// </summary>
public sealed class ApiFuzzTests
{
    private const int Seed = 1107;
    private const int Requests = 800;

    private static readonly string[] BadValues =
    [
        "abc", "", "-1", "0", "99999999999999999999", "1e3", "0x10", "yesterday", "2026-13-45T00:00:00Z", "2026-11-01", "%00", "%FF%FE",
        "%27%20OR%201%3D1%20--", "%3Cscript%3E", new string('9', 3000), "%E2%80%AE", "null", "%5B%5D", "1.5", "true", "a%00b", "%20",
    ];

    private static readonly string[] Garbage = ["not-a-guid", "%00", "a%00b", new string('z', 2500), "..%2F..", "%2F", "%20", "-1", "99999999999999999999", "1.5"];

    private static readonly (string Method, string Template, string[] Query, Func<ApiFuzzBodies, string>? Body, string ContentType)[] Routes =
    [
        ("GET", "/api/v1/flags", ["team", "agent", "status", "limit"], null, ""),
        ("GET", "/api/v1/flags/{guid}", [], null, ""),
        ("GET", "/api/v1/workshops", ["team", "limit", "cursor"], null, ""),
        ("GET", "/api/v1/workshops/{guid}", [], null, ""),
        ("GET", "/api/v1/agents/{text}/scorecard", ["from", "to"], null, ""),
        ("GET", "/api/v1/coaching-log", ["team", "from", "to", "format"], null, ""),
        ("GET", "/api/v1/outbox", ["status", "limit"], null, ""),
        ("POST", "/api/v1/outbox/{long}/retry", [], null, ""),
        ("GET", "/api/v1/rubrics", [], null, ""),
        ("GET", "/api/v1/rubrics/{text}", [], null, ""),
        ("GET", "/api/v1/rubrics/{text}/versions/{int}", [], null, ""),
        ("POST", "/api/v1/rubrics", [], b => b.Rubric(), "application/json"),
        ("GET", "/api/v1/directory/people", ["team"], null, ""),
        ("PUT", "/api/v1/directory/people", [], b => b.Person(), "application/json"),
        ("POST", "/api/v1/directory/import", [], b => b.Csv(), "text/csv"),
        ("POST", "/api/v1/scored-calls", [], b => b.ScoredCall(), "application/json"),
        ("GET", "/api/v1/scored-calls/{text}/{text}", [], null, ""),
        ("GET", "/api/v1/scored-calls/imports", ["limit"], null, ""),
        ("GET", "/api/v1/scored-calls/imports/{guid}", [], null, ""),
        ("GET", "/api/v1/channels/{channel}/teams", [], null, ""),
        ("PUT", "/api/v1/channels/{channel}/teams/{text}", [], b => b.ChannelLink(), "application/json"),
        ("GET", "/api/v1/webhooks", ["limit", "cursor"], null, ""),
        ("POST", "/api/v1/webhooks", [], b => b.Webhook(), "application/json"),
        ("GET", "/api/v1/webhooks/{guid}", [], null, ""),
        ("PATCH", "/api/v1/webhooks/{guid}", [], b => b.Webhook(), "application/json"),
        ("DELETE", "/api/v1/webhooks/{guid}", [], null, ""),
        ("POST", "/api/v1/webhooks/{guid}/test", [], null, ""),
        ("GET", "/api/v1/webhooks/{guid}/deliveries", ["limit", "cursor"], null, ""),
        ("GET", "/web/api/people", [], null, ""),
        ("GET", "/web/api/feeds", ["as"], null, ""),
        ("GET", "/web/api/open-flags", ["as"], null, ""),
        ("GET", "/web/api/features", [], null, ""),
        ("POST", "/web/api/actions", [], b => b.WebAction(), "application/json"),
        ("POST", "/web/api/digest-now", ["as"], null, ""),
        ("POST", "/web/api/dev/run-due-work", [], null, ""),
        ("POST", "/web/api/dev-key", [], null, ""),
    ];

    private static readonly string[] ContentTypes =
        ["text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/problem+json", "garbage", "text/csv"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"];

    // Development too: there the framework throws on a parameter it cannot bind, which the exception handler turned into a 500.
    public static TheoryData<DatabaseProvider, string> Hosts => new()
    {
        { DatabaseProvider.Sqlite, "Testing" }, { DatabaseProvider.Sqlite, "Development" }, { DatabaseProvider.Postgres, "Testing" },
    };

    [SkippableTheory]
    [MemberData(nameof(Hosts))]
    public async Task HundredsOfMalformedRequestsGetNo5xxAndStoreNothing(DatabaseProvider provider, string environment)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider, kestrel: true,
            settings: new Dictionary<string, string?> { ["WebChannel:Enabled"] = "true", ["Test:Environment"] = environment });
        var client = await app.CreateApiClientAsync();
        // The webhook routes are for admin keys: with any other key every request would stop at the 403.
        var admin = await app.CreateApiClientAsync(admin: true);
        var random = new Random(Seed);
        var bodies = new ApiFuzzBodies(random);
        var before = await CountRowsAsync(app);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            var route = Routes[random.Next(Routes.Length)];
            using var request = new HttpRequestMessage(new HttpMethod(random.Next(12) == 0 ? bodies.Pick(Methods) : route.Method), Url(route.Template, route.Query, random, bodies));
            if (route.Body is { } body || random.Next(6) == 0)
            {
                var text = route.Body?.Invoke(bodies) ?? bodies.Junky();
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
                var contentType = random.Next(5) == 0 ? bodies.Pick(ContentTypes) : route.ContentType is { Length: > 0 } t ? t : "application/json";
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            Headers(request, random, bodies);
            var response = await (route.Template.StartsWith("/api/v1/webhooks", StringComparison.Ordinal) ? admin : client).SendAsync(request);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{i} {request.Method} {Shorten(request.RequestUri!.ToString())} -> {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await CountRowsAsync(app));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 5, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }

    private static string Url(string template, string[] query, Random random, ApiFuzzBodies bodies)
    {
        var path = template
            .Replace("{guid}", random.Next(3) == 0 ? Guid.NewGuid().ToString() : bodies.Pick(Garbage), StringComparison.Ordinal)
            .Replace("{long}", random.Next(3) == 0 ? random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : bodies.Pick(Garbage), StringComparison.Ordinal)
            .Replace("{int}", random.Next(3) == 0 ? "1" : bodies.Pick(Garbage), StringComparison.Ordinal)
            .Replace("{channel}", bodies.Pick(["slack", "teams", "discord", "%00", "SLACK"]), StringComparison.Ordinal);
        while (path.Contains("{text}", StringComparison.Ordinal))
        {
            var value = random.Next(3) == 0 ? bodies.Pick(["support", "east", "ana@example.com", "acme-qa", "call-1"]) : bodies.Pick(Garbage);
            var at = path.IndexOf("{text}", StringComparison.Ordinal);
            path = path[..at] + value + path[(at + 6)..];
        }

        var parameters = new List<string>();
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var name = query.Length > 0 && random.Next(4) != 0 ? bodies.Pick(query) : bodies.Pick(["page", "x", "LIMIT", "", "%00", "a[b]", "cursor"]);
            parameters.Add($"{name}={bodies.Pick(BadValues)}");
        }

        return parameters.Count == 0 ? path : path + "?" + string.Join('&', parameters);
    }

    private static void Headers(HttpRequestMessage request, Random random, ApiFuzzBodies bodies)
    {
        switch (random.Next(10))
        {
            case 0:
                request.Headers.Authorization = new AuthenticationHeaderValue(bodies.Pick(["Bearer", "Basic", "bearer"]),
                    bodies.Pick(["cl_garbage", "Zm9vOmJhcg==", new string('k', 3000), "cl_", "cl_%00"]));
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Accept", bodies.Pick(["text/csv;;;", "garbage/", "*/*;q=abc", "application/json, text/csv"]));
                break;
            // Not on the two routes whose work is to write (a demo key; due work in Development), which the header lets through.
            case 2 when !request.RequestUri!.OriginalString.Contains("dev-key", StringComparison.Ordinal)
                && !request.RequestUri.OriginalString.Contains("run-due-work", StringComparison.Ordinal):
                request.Headers.TryAddWithoutValidation("X-CoachLoop-Web", bodies.Pick(["1", "", new string('w', 2000)]));
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer");
                break;
        }
    }

    private static async Task<string> CountRowsAsync(CoachLoopApp app) => await app.WithDbAsync(async (CoachLoopDbContext db) => string.Join(", ",
        $"calls {await db.ScoredCalls.CountAsync()}", $"scores {await db.CriterionScores.CountAsync()}", $"flags {await db.Flags.CountAsync()}",
        $"people {await db.People.CountAsync()}", $"identities {await db.ChatIdentities.CountAsync()}", $"teams {await db.Teams.CountAsync()}",
        $"rubrics {await db.Rubrics.CountAsync()}", $"routes {await db.ChannelRoutes.CountAsync()}", $"audit {await db.AuditEntries.CountAsync()}",
        $"outbox {await db.Outbox.CountAsync()}", $"keys {await db.ApiKeys.CountAsync()}", $"web {await db.WebMessages.CountAsync()}",
        $"actions {await db.ProcessedActions.CountAsync()}", $"clicks {await db.InboundClicks.CountAsync()}", $"notices {await db.Notices.CountAsync()}",
        $"disputes {await db.Disputes.CountAsync()}", $"webhooks {await db.WebhookSubscriptions.CountAsync()}",
        $"events {await db.WebhookEvents.CountAsync()}", $"attempts {await db.WebhookAttempts.CountAsync()}"));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
