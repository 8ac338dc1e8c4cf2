using System.Text.Json;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// "Open card" on a row of a list card in Teams. An invoke answer replaces the card in the clicker's view, so answering with the
/// row's card would take the list (and every other row's buttons) away from them. Instead the row's full card goes to the clicker
/// as a message of its own in their 1:1 chat with the bot: Teams has no message only one member of a channel sees, and a reply in
/// the channel would be everyone's. The invoke is answered with the list card as the clicker sees it, which leaves it in place.
/// </summary>
public sealed class TeamsOpenCard(CoachLoopDbContext db, CardFactory cards, TeamsViewers viewers, TeamsDirectChats directChats, BotConnectorClient connector)
{
    /// <summary>What the invoke answers: the list card (clicker's view) or, when it cannot be told which list it was, a short message.</summary>
    public async Task<InvokeResponse> AnswerAsync(Activity activity, Card opened, Person? clicker, JsonElement data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var delivered = await DeliverAsync(activity, await viewers.ForViewerAsync(opened, clicker, ct).ConfigureAwait(false), clicker, ct).ConfigureAwait(false);
        var note = delivered ? null : "Could not open the card in your chat with CoachLoop: message the bot once, then try again.";
        var list = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(TeamsCards.ListKind, out var kind) && kind.ValueKind == JsonValueKind.String
            && data.TryGetProperty(TeamsCards.ListId, out var id) && Guid.TryParse(id.GetString(), out var listId)
            ? await cards.BuildAsync(kind.GetString()!, listId, ct).ConfigureAwait(false) : null;
        if (list is null)
        {
            return InvokeResponse.Message(note ?? "The card is in your chat with CoachLoop.");
        }

        var shown = await viewers.ForViewerAsync(list, clicker, ct).ConfigureAwait(false);
        return InvokeResponse.Card(TeamsCards.Render(note is null ? shown : TeamsCards.WithNote(shown, note)));
    }

    private async Task<bool> DeliverAsync(Activity activity, Card card, Person? clicker, CancellationToken ct)
    {
        var userIds = activity.From?.Id is { } from && from.StartsWith(TeamsIdentities.UserIdPrefix, StringComparison.Ordinal) ? new[] { from } : [];
        if (activity.Conversation?.ConversationType == "personal")
        {
            var here = TeamsCards.Message(card, false, null, userIds) with { From = activity.Recipient, Conversation = new ConversationAccount(activity.Conversation.Id) };
            return (await connector.SendAsync(activity.ServiceUrl ?? "", activity.Conversation.Id ?? "", here, ct).ConfigureAwait(false)).Succeeded;
        }

        var aad = activity.From?.AadObjectId is { Length: > 0 } known ? known : clicker is null ? null
            : await db.ChatIdentities.AsNoTracking().Where(c => c.Provider == ChatIdentity.Teams && c.PersonId == clicker.Id)
                .Select(c => c.ExternalUserId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (aad is null)
        {
            return false;
        }

        var target = await directChats.OpenAsync(aad, ct).ConfigureAwait(false);
        return target.Failure is null && (await connector.SendAsync(target.ServiceUrl!, target.ConversationId!,
            TeamsCards.Message(card, false, null, userIds), ct).ConfigureAwait(false)).Succeeded;
    }
}
