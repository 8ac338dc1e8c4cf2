using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>Where a Teams card goes: the conversation and its service URL, whether it is a person's 1:1 chat (and whose), or why it cannot go.</summary>
public sealed record TeamsTarget(string? ConversationId, string? ServiceUrl, bool Personal, SendResult? Failure, string Tenant = "", Guid? Viewer = null)
{
    public static TeamsTarget Fail(SendResult failure) => new(null, null, false, failure);

    public static TeamsTarget Person(ChannelRoute route, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new(route.ConversationId, route.ServiceUrl, true, null, route.Tenant, personId);
    }
}
