using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// The first message after the app is installed somewhere: in a personal chat, what the person will get from CoachLoop; in a
/// team, how to link the channel to a CoachLoop team. Sent once per install (the installation turning active), not once per
/// install event: Teams sends both installationUpdate and conversationUpdate for one install.
/// </summary>
public sealed class TeamsWelcome(BotConnectorClient connector)
{
    public const string Personal =
        "Hi, I'm **CoachLoop**. I turn QA scores into coaching. I'll message you here when a scored call of yours falls below a " +
        "criterion's threshold: what was flagged, the evidence and the follow-up date, with buttons to accept the score or dispute " +
        "it. If you manage or coach a team you can approve practice and log sessions from the flag cards. Type **my flags** to see " +
        "your open flags, or **help** for everything I can do.";

    public const string Team =
        "Hi, I'm **CoachLoop**: I post coaching cards from QA scores. To get a CoachLoop team's flag cards in this channel, its " +
        "manager or a QA lead mentions me here with **link &lt;teamKey&gt;** (the team key is in the CoachLoop directory). " +
        "Mention me with **help** for the other commands.";

    public const string GroupChat =
        "Hi, I'm **CoachLoop**: I post coaching cards from QA scores. Flag cards go to a team channel; install me in the team and " +
        "type **link &lt;teamKey&gt;** there. Mention me with **help** for the other commands.";

    public Task<ConnectorResult> SendAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Conversation?.ConversationType switch
        {
            "personal" => Personal,
            "groupChat" => GroupChat,
            _ => activity.ChannelData?.Team is not null ? Team : GroupChat,
        };
        var welcome = TeamsCards.Text(text) with
        {
            From = activity.Recipient,
            Conversation = new ConversationAccount(activity.Conversation?.Id),
        };
        return connector.SendAsync(activity.ServiceUrl ?? "", activity.Conversation?.Id ?? "", welcome, ct);
    }
}
