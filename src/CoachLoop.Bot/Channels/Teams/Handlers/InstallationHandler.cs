using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// <c>installationUpdate</c> add/remove (and the <c>-upgrade</c> variants): the app is active in that tenant and team, or no longer.
/// A new install is welcomed.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/bot-events">bot events</see>.
/// </summary>
public sealed class InstallationHandler(TeamsConversations conversations, TeamsWelcome welcome) : ITeamsHandler
{
    public string Name => ActivityTypes.InstallationUpdate;

    public bool CanHandle(Activity activity) => activity.Type == ActivityTypes.InstallationUpdate;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Action is "add" or "add-upgrade" or "remove" or "remove-upgrade")
        {
            if (await conversations.SetInstalledAsync(activity, activity.Action.StartsWith("add", StringComparison.Ordinal), ct).ConfigureAwait(false))
            {
                await welcome.SendAsync(activity, ct).ConfigureAwait(false);
            }
        }

        return TypedResults.Ok();
    }
}
