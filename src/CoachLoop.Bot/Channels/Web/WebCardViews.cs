using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// Cards as one person sees them in the web channel: the current card, with its buttons only when that person may press them
/// (<see cref="CardAudience"/>), the way Teams refreshes a card per user. A group card's buttons are for the team's flags, so
/// they follow the flag rule.
/// </summary>
public sealed class WebCardViews(CoachLoopDbContext db, CardFactory cards, CardAudience audience)
{
    /// <summary>The person behind a web identity (a directory id), or null for anyone else.</summary>
    public async Task<Person?> PersonAsync(string? id, CancellationToken ct) =>
        Guid.TryParse(id, out var personId)
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct).ConfigureAwait(false)
            : null;

    /// <summary>The current card about the subject as <paramref name="viewer"/> sees it, rendered; null when the subject is gone.</summary>
    public async Task<JsonObject?> RenderAsync(Person? viewer, string kind, Guid subjectId, CancellationToken ct)
    {
        var card = await cards.BuildAsync(kind, subjectId, ct).ConfigureAwait(false);
        return card is null ? null : AdaptiveCardRenderer.Render(await ForAsync(viewer, card, ct).ConfigureAwait(false));
    }

    /// <summary><paramref name="card"/> without its buttons unless <paramref name="viewer"/> may act on it.</summary>
    public async Task<Card> ForAsync(Person? viewer, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Actions.Count == 0)
        {
            return card;
        }

        var flag = await FlagOfAsync(card.Kind, card.SubjectId, ct).ConfigureAwait(false);
        var rule = card.Kind == CardKinds.Notice ? CardKinds.Flag : card.Kind;
        var mayAct = flag is not null
            && CardAudience.MayAct(rule, viewer is null ? null : Member.From(viewer), await audience.ScopeAsync(flag, ct).ConfigureAwait(false));
        return card.ForViewer(mayAct);
    }

    private async Task<Flag?> FlagOfAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        Guid? flagId = kind switch
        {
            CardKinds.Flag or CardKinds.AgentScore => subjectId,
            CardKinds.Dispute => await db.Disputes.AsNoTracking().Where(d => d.Id == subjectId).Select(d => (Guid?)d.FlagId)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false),
            CardKinds.Notice => await db.Notices.AsNoTracking().Where(n => n.Id == subjectId && n.Kind == FlagGroup.Kind).Select(n => n.Payload)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } payload && FlagGroup.Deserialize(payload) is [var first, ..] ? first : null,
            _ => null,
        };
        return flagId is { } id ? await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct).ConfigureAwait(false) : null;
    }
}
