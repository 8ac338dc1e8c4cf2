using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>The wire format: camelCase, case-insensitive on the way in, nulls left out on the way out.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
