using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>One Web API call the fake received: the method, the headers, the raw body and its arguments as JSON.</summary>
public sealed record FakeSlackCall(string Method, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body, JsonObject Args)
{
    /// <summary>The installation its token belongs to (<see cref="FakeSlackInstall.Key"/>); null when the token was refused or not a bot token.</summary>
    public string? Installation { get; init; }

    /// <summary>The fake refused its token (unknown, revoked, or used outside its installation).</summary>
    public bool Refused { get; init; }

    /// <summary>When the fake received it.</summary>
    public DateTime At { get; init; } = DateTime.UtcNow;

    public string? Arg(string name) => Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Args[name]?.ToJsonString();

    /// <summary>Every "text" string inside the argument (e.g. all the words of the blocks), one per line, unescaped from JSON.</summary>
    public string Texts(string name)
    {
        var node = Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? JsonNode.Parse(s) : Args[name];
        var texts = new List<string>();
        Collect(node, texts);
        return string.Join("\n", texts);
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == "text" && child is JsonValue t && t.TryGetValue<string>(out var text))
                    {
                        texts.Add(text);
                    }
                    else
                    {
                        Collect(child, texts);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, texts);
                }

                break;
        }
    }
}
