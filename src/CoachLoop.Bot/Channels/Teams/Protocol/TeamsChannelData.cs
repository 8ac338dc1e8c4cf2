using System.Text.Json;

namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// Teams' <c>channelData</c>: tenant, team and channel, the conversation event type, and on the way out the notification flag.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability">Teams channel data</see>.
/// </summary>
public sealed record TeamsChannelData
{
    public TeamsEntity? Tenant { get; init; }
    public TeamsEntity? Team { get; init; }
    public TeamsEntity? Channel { get; init; }
    public string? EventType { get; init; }
    public JsonElement? Settings { get; init; }
    public TeamsNotification? Notification { get; init; }
}
