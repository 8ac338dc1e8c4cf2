using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Access;
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
        // Asked for every card, buttons or not: a list card keeps its buttons on its rows, and ForViewer knows what to strip.
        return card.ForViewer(await MayActAsync(viewer is null ? null : Member.From(viewer), card.Kind, card.SubjectId, ct).ConfigureAwait(false));
    }

    private async Task<bool> MayActAsync(Member? member, string kind, Guid subjectId, CancellationToken ct)
    {
        if (kind == CardKinds.Notice)
        {
            return await MayActOnNoticeAsync(member, subjectId, ct).ConfigureAwait(false);
        }

        Guid? flagId = kind switch
        {
            CardKinds.Flag or CardKinds.AgentScore => subjectId,
            CardKinds.Dispute => await db.Disputes.AsNoTracking().Where(d => d.Id == subjectId).Select(d => (Guid?)d.FlagId)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false),
            _ => null,
        };
        return await MayActOnFlagAsync(member, kind, flagId, ct).ConfigureAwait(false);
    }

    /// <summary>A group card follows the flag rule; a notice to one person is theirs; a notice to a team is for those who act on its flags.</summary>
    private async Task<bool> MayActOnNoticeAsync(Member? member, Guid noticeId, CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, ct).ConfigureAwait(false);
        if (notice is null)
        {
            return false;
        }

        if (notice.Kind == FlagGroup.Kind)
        {
            return await MayActOnFlagAsync(member, CardKinds.Flag, FlagGroup.Deserialize(notice.Payload) is [var first, ..] ? first : null, ct)
                .ConfigureAwait(false);
        }

        if (notice.Audience == Notice.ToPerson)
        {
            return member is not null && member.Id == notice.AudienceId;
        }

        var managerId = await db.Teams.AsNoTracking().Where(t => t.Id == notice.AudienceId).Select(t => t.ManagerId).FirstOrDefaultAsync(ct)
            .ConfigureAwait(false);
        return CardAudience.MayAct(CardKinds.Flag, member, new FlagScope(Guid.Empty, "", notice.AudienceId, managerId));
    }

    private async Task<bool> MayActOnFlagAsync(Member? member, string kind, Guid? flagId, CancellationToken ct)
    {
        var flag = flagId is { } id ? await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct).ConfigureAwait(false) : null;
        return flag is not null && CardAudience.MayAct(kind, member, await audience.ScopeAsync(flag, ct).ConfigureAwait(false));
    }
}
