using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>The official payload samples in shared/fixtures/teams, untouched on disk; tests point their serviceUrl at the fake connector.</summary>
public static class TeamsFixtures
{
    public static string Folder
    {
        get
        {
            var schema = AdaptiveCardSchema.FindFile();
            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(schema)!, "..", "fixtures", "teams"));
        }
    }

    public static JsonObject Load(string name, string? serviceUrl = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!.AsObject();
        if (serviceUrl is not null)
        {
            json["serviceUrl"] = serviceUrl;
        }

        return json;
    }

    /// <summary>The invoke sample has no envelope: the docs say to merge it with one, here the personal message's.</summary>
    public static JsonObject Invoke(string serviceUrl, JsonObject? value = null, string id = "invoke-1")
    {
        var envelope = Load("message-personal.json", serviceUrl);
        var invoke = Load("invoke-adaptiveCard-action.json");
        foreach (var field in new[] { "text", "textFormat", "attachments" })
        {
            envelope.Remove(field);
        }

        envelope["type"] = invoke["type"]!.DeepClone();
        envelope["name"] = invoke["name"]!.DeepClone();
        envelope["value"] = value ?? invoke["value"]!.DeepClone();
        envelope["id"] = id;
        return envelope;
    }
}
