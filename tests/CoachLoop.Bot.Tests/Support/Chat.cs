using System.Text.Json;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>Drives the local web channel over HTTP the way the page does, and runs the outbox on demand.</summary>
public sealed class Chat(CoachLoopApp app)
{
    public static readonly IReadOnlyDictionary<string, string?> WebOn = new Dictionary<string, string?> { ["WebChannel:Enabled"] = "true" };

    private readonly HttpClient _web = app.CreateClient();

    public Task<Guid> IdOfAsync(string email) => app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    public Task<Flag> FlagAsync(string callId = "call-1") => app.WithDbAsync(db => db.Flags.AsNoTracking().SingleAsync(f => f.CallId == callId));

    /// <summary>Clicks <paramref name="verb"/> on a card as the person with that email (or as an id not in the directory).</summary>
    public async Task<JsonElement> ActAsync(string who, string verb, string kind, Guid subjectId, int version,
        IReadOnlyDictionary<string, string>? inputs = null, string? key = null)
    {
        var actor = who.Contains('@', StringComparison.Ordinal) ? (await IdOfAsync(who)).ToString() : who;
        var data = new Dictionary<string, string> { ["kind"] = kind, ["subjectId"] = subjectId.ToString(), ["v"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (k, v) in inputs ?? new Dictionary<string, string>())
        {
            data[k] = v;
        }

        var response = await _web.PostAsJsonAsync("/web/api/actions", new { @as = actor, verb, data, key = key ?? Guid.NewGuid().ToString() });
        response.EnsureSuccessStatusCode();
        return await Json.ReadAsync(response);
    }

    public async Task<JsonElement> ActOnFlagAsync(string who, string verb, IReadOnlyDictionary<string, string>? inputs = null, string? key = null,
        string callId = "call-1")
    {
        var flag = await FlagAsync(callId);
        return await ActAsync(who, verb, "flag", flag.Id, flag.Revision, inputs, key);
    }

    /// <summary>Runs the outbox until nothing is due now.</summary>
    public async Task<int> DispatchAsync()
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        for (var i = 0; i < 100; i++)
        {
            var handled = await dispatcher.RunOnceAsync(CancellationToken.None);
            if (handled == 0)
            {
                return total;
            }

            total += handled;
        }

        throw new InvalidOperationException("The outbox did not drain in 100 passes.");
    }

    public Task<List<WebMessage>> WebMessagesAsync() => app.WithDbAsync(db => db.WebMessages.AsNoTracking().OrderBy(m => m.PostedAt).ToListAsync());

    public Task<List<string>> FlagHistoryAsync(Guid flagId) =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "flag" && a.EntityId == flagId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public async Task<JsonElement> PostCallAsync(System.Text.Json.Nodes.JsonObject call)
    {
        var client = await app.CreateApiClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);
        response.EnsureSuccessStatusCode();
        return await Json.ReadAsync(response);
    }
}
