using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>Reads fields of Slack payloads, which are loosely typed (fields may be absent or null) and evolve over time.</summary>
internal static class SlackJson
{
    /// <summary>A string by dotted path ("container.channel_id"), or null when absent, null or not a string.</summary>
    public static string? Str(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static JsonObject? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : Parse(System.Text.Encoding.UTF8.GetBytes(text));
}
