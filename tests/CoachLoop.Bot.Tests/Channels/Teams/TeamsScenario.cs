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

    public static async Task LinkEastAsync(TeamsHost host)
    {
        var client = await host.App.CreateApiClientAsync();
        var response = await client.PutAsJsonAsync($"/api/v1/channels/teams/teams/{Samples.TeamKey}",
            new { conversationId = Channel, tenant = Tenant, serviceUrl = host.Connector.ServiceUrl });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts a user in the connector's roster (as Teams answers GET members: <c>objectId</c>, email, UPN).</summary>
    public static void OnRoster(TeamsHost host, string userId, string aad, string email) =>
        host.Connector.Members[userId] = new JsonObject { ["id"] = userId, ["objectId"] = aad, ["email"] = email, ["userPrincipalName"] = email, ["tenantId"] = Tenant };

    /// <summary>The card of the first post into a conversation, as the connector received it.</summary>
    public static JsonObject PostedCard(TeamsHost host, string conversation = Channel) =>
        host.Connector.Where("POST", $"/v3/conversations/{conversation}/activities").First().Body!["attachments"]![0]!["content"]!.AsObject();

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

    public static async Task<JsonElement> InvokeBodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await Support.Json.ReadAsync(response);
    }

    public static async Task AssertCardValidAsync(JsonElement card) => await AdaptiveCardSchema.AssertValidAsync(JsonNode.Parse(card.GetRawText())!);
}
