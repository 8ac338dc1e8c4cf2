using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>Steps shared by the Teams flow tests: a linked team channel, roster entries, clicks built from the card Teams received.</summary>
public static class TeamsScenario
{
    public const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    public const string TeamId = "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2";
    public const string Tenant = TestIssuer.TenantId;

    /// <summary>A host whose linked channel got the flag card of Ana's call; Morgan and Ana are on the roster.</summary>
    public static async Task<TeamsHost> FlagPostedAsync()
    {
        var host = await TeamsHost.StartAsync();
        await LinkEastAsync(host);
        OnRoster(host, "29:morgan", "aad-morgan", "morgan@example.com");
        OnRoster(host, "29:ana", "aad-ana", "ana@example.com");
        await host.Chat.PostCallAsync(Support.Json.Call());
        await host.Chat.DispatchAsync();
        return host;
    }

    public static async Task LinkEastAsync(TeamsHost host)
    {
        var client = await host.App.CreateApiClientAsync();
        var response = await client.PutAsJsonAsync($"/api/v1/channels/teams/teams/{Samples.TeamKey}",
            new { conversationId = Channel, tenant = Tenant, serviceUrl = host.Connector.ServiceUrl });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Imports Teams ids into the directory the way an admin does (CSV with <c>teamsAadObjectId</c>): the identity carries the Entra
    /// object id only, no tenant and no 29: id. Rows: email, name, role, team, externalId, callsPerDay, aad.
    /// </summary>
    public static async Task ImportTeamsIdsAsync(TeamsHost host, params (string Email, string Name, string Role, string Team, string ExternalId, int Calls, string Aad)[] people)
    {
        var csv = new System.Text.StringBuilder("email,name,role,team,externalId,timeZone,typicalCallsPerDay,slackUserId,teamsAadObjectId\n");
        foreach (var p in people)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{p.Email},{p.Name},{p.Role},{p.Team},{p.ExternalId},Europe/London,{p.Calls},,{p.Aad}\n");
        }

        var client = await host.App.CreateApiClientAsync();
        var response = await client.PostAsync("/api/v1/directory/import", new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
    }

    public static readonly (string, string, string, string, string, int, string) Morgan = ("morgan@example.com", "Morgan Lee", "manager", Samples.TeamKey, "", 0, "aad-morgan");
    public static readonly (string, string, string, string, string, int, string) Ana = ("ana@example.com", "Ana Ruiz", "agent", Samples.TeamKey, "AG-1", 25, "aad-ana");
    public static readonly (string, string, string, string, string, int, string) Riley = ("riley@example.com", "Riley Chen", "reviewer", Samples.TeamKey, "", 0, "aad-riley");

    /// <summary>Puts a user in the connector's roster (as Teams answers GET members: <c>objectId</c>, email, UPN).</summary>
    public static void OnRoster(TeamsHost host, string userId, string aad, string email) =>
        host.Connector.Members[userId] = new JsonObject { ["id"] = userId, ["objectId"] = aad, ["email"] = email, ["userPrincipalName"] = email, ["tenantId"] = Tenant };

    /// <summary>The card of the first card post into a conversation (a welcome text may come before it), as the connector received it.</summary>
    public static JsonObject PostedCard(TeamsHost host, string conversation = Channel) =>
        host.Connector.Where("POST", $"/v3/conversations/{conversation}/activities").First(c => c.Body?["attachments"] is not null)
            .Body!["attachments"]![0]!["content"]!.AsObject();

    /// <summary>
    /// The card as that user sees it: what Teams shows them after the automatic (or "Refresh card") refresh of the posted card,
    /// i.e. the answer to the refresh invoke the posted card names.
    /// </summary>
    public static async Task<JsonObject> ViewAsync(TeamsHost host, string userId, string conversation = Channel, string? id = null)
    {
        var data = ExecuteData(PostedCard(host, conversation), "refresh");
        var body = await InvokeBodyAsync(await host.PostAsync(Execute(host, userId, "refresh", data, id ?? $"refresh-{Guid.NewGuid():N}")));
        return JsonNode.Parse(body.GetProperty("value").GetRawText())!.AsObject();
    }

    /// <summary>The verbs of every Action.Execute in a card (its refresh action excluded).</summary>
    public static IReadOnlyList<string> Verbs(JsonNode card)
    {
        var verbs = new List<string>();
        Collect(card["actions"], verbs);
        Collect(card["body"], verbs);
        return verbs;
    }

    private static void Collect(JsonNode? node, List<string> verbs)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "Action.Execute" && (string?)o["verb"] is { } verb)
                {
                    verbs.Add(verb);
                }

                foreach (var (_, child) in o)
                {
                    Collect(child, verbs);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, verbs);
                }

                break;
        }
    }

    /// <summary>The data of the Action.Execute with that verb, wherever it sits in the card (top level or a ShowCard form).</summary>
    public static JsonObject ExecuteData(JsonNode card, string verb)
    {
        var found = Find(card, verb) ?? throw new InvalidOperationException($"no {verb} action in {card.ToJsonString()}");
        return found["data"]!.DeepClone().AsObject();
    }

    private static JsonNode? Find(JsonNode? node, string verb) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb => o,
        JsonObject o => o.Select(p => Find(p.Value, verb)).FirstOrDefault(n => n is not null),
        JsonArray a => a.Select(n => Find(n, verb)).FirstOrDefault(n => n is not null),
        _ => null,
    };

    /// <summary>An adaptiveCard/action invoke from a user in the team channel, shaped like Teams sends it.</summary>
    public static JsonObject Execute(TeamsHost host, string userId, string verb, JsonObject data, string id, string replyToId = "act-1")
    {
        var invoke = TeamsFixtures.Invoke(host.Connector.ServiceUrl,
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" }, id);
        invoke["from"] = new JsonObject { ["id"] = userId, ["name"] = userId };
        invoke["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true };
        invoke["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["team"] = new JsonObject { ["id"] = TeamId }, ["channel"] = new JsonObject { ["id"] = Channel } };
        invoke["replyToId"] = replyToId;
        return invoke;
    }

    /// <summary>The invoke response body, after checking the HTTP status is the one the body carries (200 unless said).</summary>
    public static async Task<JsonElement> InvokeBodyAsync(HttpResponseMessage response, int status = 200)
    {
        Assert.Equal(status, (int)response.StatusCode);
        return await Support.Json.ReadAsync(response);
    }

    public static async Task AssertCardValidAsync(JsonElement card) => await AdaptiveCardSchema.AssertValidAsync(JsonNode.Parse(card.GetRawText())!);
}
