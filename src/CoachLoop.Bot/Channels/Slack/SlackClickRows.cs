using System.Text.Json;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>A Slack click as the inbox stores it (<see cref="InboundClick"/>), and back.</summary>
internal static class SlackClickRows
{
    public static InboundClick ToRecord(SlackClick click, DateTimeOffset receivedAt) => new()
    {
        Key = click.Key,
        Channel = ChatIdentity.Slack,
        Tenant = click.Team,
        UserId = click.UserId,
        Verb = click.Verb,
        Data = JsonSerializer.Serialize(click.Data),
        ConversationId = click.Channel,
        FromHome = click.FromHome,
        ReceivedAt = receivedAt,
    };

    /// <summary>The click as the pipeline takes it, from its stored row.</summary>
    public static SlackClick ToClick(InboundClick row)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Data) ?? [];
        return new SlackClick(row.Tenant, row.UserId, row.Verb, new Dictionary<string, string>(data, StringComparer.Ordinal), row.Key,
            row.ConversationId, row.FromHome);
    }
}
