using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// Who sees which buttons on a Teams card. One message is shared by everyone in a channel, so its body carries no buttons; its
/// Universal Actions <c>refresh</c> names (by their <c>29:</c> user ids) the people who may act, whose clients then fetch their own
/// view, and anyone else gets theirs from "Refresh card". Every card answered to an invoke is the invoker's own view.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views">User Specific Views</see>.</remarks>
public sealed class TeamsViewers(CoachLoopDbContext db, CardAudience audience)
{
    /// <summary>
    /// Teams refreshes automatically for at most 60 listed users (Work with Universal Actions, "User IDs in refresh"). The audience
    /// is ordered manager first, so a capped list keeps the people who most need their buttons; the rest use "Refresh card".
    /// </summary>
    public const int MaxRefreshUsers = 60;

    /// <summary>
    /// The card as <paramref name="viewer"/> may use it: with its buttons only when the access policy lets them act. A list card
    /// (group, digest, open flags) is tailored row by row, each row by its own subject's rule; "Open card" stays for everyone.
    /// </summary>
    public async Task<Card> ForViewerAsync(Card card, Person? viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (viewer is null)
        {
            return card.ForViewer(false);
        }

        var member = Member.From(viewer);
        if (card.Rows.Count > 0)
        {
            card = await ForRowsAsync(card, member, ct).ConfigureAwait(false);
        }

        if (card.Actions.Count == 0)
        {
            return card;
        }

        foreach (var (kind, flag) in await SubjectsAsync(card.Kind, card.SubjectId, ct).ConfigureAwait(false))
        {
            if (CardAudience.MayAct(kind, member, await audience.ScopeAsync(flag, ct).ConfigureAwait(false)))
            {
                return card;
            }
        }

        return card with { Actions = [], ActionsFor = card.Rows.Any(r => r.Actions.Any(a => a.Verb != CardVerbs.OpenCard)) ? card.ActionsFor : null };
    }

    /// <summary>Each row keeps its buttons when the viewer may act on that row's subject (named in the buttons' data), else only "Open card".</summary>
    private async Task<Card> ForRowsAsync(Card card, Member member, CancellationToken ct)
    {
        var rows = new List<CardRow>(card.Rows.Count);
        foreach (var row in card.Rows)
        {
            var step = row.Actions.FirstOrDefault(a => a.Verb != CardVerbs.OpenCard);
            rows.Add(step is null || await MayActOnAsync(step.Data, member, ct).ConfigureAwait(false)
                ? row : row with { Actions = [.. row.Actions.Where(a => a.Verb == CardVerbs.OpenCard)] });
        }

        return card with
        {
            Rows = rows, ActionsFor = card.Actions.Count > 0 || rows.Any(r => r.Actions.Any(a => a.Verb != CardVerbs.OpenCard)) ? card.ActionsFor : null,
        };
    }

    private async Task<bool> MayActOnAsync(IReadOnlyDictionary<string, string> data, Member member, CancellationToken ct)
    {
        if (!data.TryGetValue(CardData.Kind, out var kind) || !data.TryGetValue(CardData.SubjectId, out var id) || !Guid.TryParse(id, out var subjectId))
        {
            return false;
        }

        var subjects = await SubjectsAsync(kind, subjectId, ct).ConfigureAwait(false);
        foreach (var (subjectKind, flag) in subjects)
        {
            if (!CardAudience.MayAct(subjectKind, member, await audience.ScopeAsync(flag, ct).ConfigureAwait(false)))
            {
                return false;
            }
        }

        return subjects.Count > 0;
    }

    /// <summary>The people who may act on the card and have a Teams identity, as person id and known <c>29:</c> id (null if not yet seen).</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string AadObjectId, string? UserId)>> ActorsAsync(Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var people = new List<Guid>();
        if (await DigestManagerAsync(card, ct).ConfigureAwait(false) is { } manager)
        {
            // A digest's rows carry the next steps of the manager it was written for: they are who must see them.
            people.Add(manager);
        }

        foreach (var (kind, flag) in await SubjectsAsync(card.Kind, card.SubjectId, ct).ConfigureAwait(false))
        {
            people.AddRange((await audience.ActorsAsync(kind, flag, ct).ConfigureAwait(false)).Select(p => p.Id).Where(id => !people.Contains(id)));
        }

        var identities = await db.ChatIdentities.AsNoTracking().Where(c => c.Provider == ChatIdentity.Teams && people.Contains(c.PersonId))
            .Select(c => new { c.PersonId, c.ExternalUserId, c.ChannelUserId }).ToListAsync(ct).ConfigureAwait(false);
        return people.Select(id => identities.Where(c => c.PersonId == id).OrderBy(c => c.ChannelUserId is null).FirstOrDefault())
            .Where(c => c is not null).Select(c => (c!.PersonId, c.ExternalUserId, c.ChannelUserId)).Take(MaxRefreshUsers).ToList();
    }

    private async Task<Guid?> DigestManagerAsync(Card card, CancellationToken ct) => card.Kind != CardKinds.Notice ? null
        : await db.Notices.AsNoTracking().Where(n => n.Id == card.SubjectId && (n.Kind == NoticeKinds.Digest || n.Kind == Workshops.WorkshopNotices.Kind) && n.Audience == Notice.ToPerson)
            .Select(n => (Guid?)n.AudienceId).FirstOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>The flags whose access rules govern the card's buttons, with the card kind the rules are asked for.</summary>
    private async Task<IReadOnlyList<(string Kind, Flag Flag)>> SubjectsAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        switch (kind)
        {
            case CardKinds.Flag or CardKinds.AgentScore:
                var flag = await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == subjectId, ct).ConfigureAwait(false);
                return flag is null ? [] : [(kind, flag)];
            case CardKinds.Dispute:
                var flagId = await db.Disputes.AsNoTracking().Where(d => d.Id == subjectId).Select(d => (Guid?)d.FlagId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                var disputed = flagId is null ? null : await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == flagId, ct).ConfigureAwait(false);
                return disputed is null ? [] : [(CardKinds.Dispute, disputed)];
            case CardKinds.Notice:
                // A group card holds several flags, each row with that flag's buttons: the flag card's rules apply to each.
                var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == subjectId, ct).ConfigureAwait(false);
                if (notice?.Kind != FlagGroup.Kind)
                {
                    return [];
                }

                var ids = FlagGroup.Deserialize(notice.Payload);
                var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
                return flags.Select(f => (CardKinds.Flag, f)).ToList();
            default:
                return [];
        }
    }
}
