using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>Answers in the conversation an activity came from: a reply to it when it has an id, else a plain send.</summary>
public static class TeamsReplies
{
    public static Task<ConnectorResult> ReplyAsync(BotConnectorClient connector, Activity activity, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(activity);
        var reply = TeamsCards.Text(text) with
        {
            From = activity.Recipient,
            Recipient = activity.From,
            Conversation = new ConversationAccount(activity.Conversation?.Id),
            ReplyToId = activity.Id,
        };
        var serviceUrl = activity.ServiceUrl ?? "";
        var conversation = activity.Conversation?.Id ?? "";
        return activity.Id is { } id
            ? connector.ReplyAsync(serviceUrl, conversation, id, reply, ct)
            : connector.SendAsync(serviceUrl, conversation, reply, ct);
    }
}
