using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// Dispatches an authenticated activity on its type and invoke name. Anything no handler takes is acknowledged with 200 and
/// ignored (Teams adds events at any time); an invoke nobody handles gets 501, as the SDKs answer. Every activity also teaches
/// <see cref="TeamsIdentities"/> the sender's tenant and Teams user id.
/// </summary>
public sealed class TeamsActivityRouter(
    IEnumerable<ITeamsHandler> handlers, IEnumerable<ITeamsDispatchObserver> observers, TeamsConversations conversations, TeamsIdentities identities,
    Data.CoachLoopDbContext db)
{
    public const string Ignored = "ignored";
    public const string NotImplemented = "invoke-not-implemented";

    public async Task<IResult> RouteAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // One open connection for everything the activity reads and writes.
        await using var open = await Data.OpenConnection.OpenAsync(db, ct).ConfigureAwait(false);
        await conversations.RefreshServiceUrlAsync(activity, ct).ConfigureAwait(false);
        var handler = handlers.FirstOrDefault(h => h.CanHandle(activity));
        var name = handler?.Name ?? (activity.Type == ActivityTypes.Invoke ? NotImplemented : Ignored);
        foreach (var observer in observers)
        {
            observer.Handled(name, activity);
        }

        var result = handler is not null ? await handler.HandleAsync(activity, ct).ConfigureAwait(false)
            : activity.Type == ActivityTypes.Invoke ? TypedResults.StatusCode(StatusCodes.Status501NotImplemented) : TypedResults.Ok();

        // After the handler: an install is stored by then (it tells the tenant of people imported without one), and so is an
        // identity the handler matched by email (it gets the sender's 29: id).
        await identities.LearnAsync(activity, ct).ConfigureAwait(false);
        return result;
    }
}
