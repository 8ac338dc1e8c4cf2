using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// <c>conversationUpdate</c>: the bot itself added to a team or chat (<c>membersAdded</c> holds <c>recipient.id</c>) or removed;
/// other members and channel events are acknowledged only. A new install is welcomed.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events">conversation events</see>.
/// </summary>
public sealed class ConversationUpdateHandler(TeamsConversations conversations, TeamsPeople people, TeamsWelcome welcome) : ITeamsHandler
{
    public string Name => ActivityTypes.ConversationUpdate;

    public bool CanHandle(Activity activity) => activity.Type == ActivityTypes.ConversationUpdate;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        var bot = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id == bot) == true)
        {
            var isNew = await conversations.SetInstalledAsync(activity, true, ct).ConfigureAwait(false);
            if (activity.Conversation?.ConversationType == "personal" && (await people.ResolveAsync(activity, ct).ConfigureAwait(false)).Person is { } person)
            {
                await conversations.RememberPersonalChatAsync(activity, person.Id, ct).ConfigureAwait(false);
            }

            if (isNew)
            {
                await welcome.SendAsync(activity, ct).ConfigureAwait(false);
            }
        }
        else if (activity.MembersRemoved?.Any(m => m.Id == bot) == true || activity.ChannelData?.EventType is "teamDeleted" or "teamHardDeleted")
        {
            await conversations.SetInstalledAsync(activity, false, ct).ConfigureAwait(false);
        }

        return TypedResults.Ok();
    }
}
