using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>Answers in the conversation an activity came from: a reply to it when it has an id, else a plain send; cards as messages of their own.</summary>
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

    /// <summary>
    /// A card answering the sender, already shown as they may use it. Outside a 1:1 chat others see the message too, so its body
    /// has no buttons and the sender's client fetches their own view through the per-user refresh.
    /// </summary>
    public static Task<ConnectorResult> SendCardAsync(BotConnectorClient connector, Activity activity, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(activity);
        var personal = activity.Conversation?.ConversationType == "personal";
        var sender = activity.From?.Id is { } id && id.StartsWith(TeamsIdentities.UserIdPrefix, StringComparison.Ordinal) ? new[] { id } : [];
        var message = TeamsCards.Message(personal ? card : card.ForViewer(false), false, null, sender) with
        {
            From = activity.Recipient,
            Conversation = new ConversationAccount(activity.Conversation?.Id),
        };
        return connector.SendAsync(activity.ServiceUrl ?? "", activity.Conversation?.Id ?? "", message, ct);
    }
}
