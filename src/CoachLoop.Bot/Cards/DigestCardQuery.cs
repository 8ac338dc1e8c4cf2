using System.Text.Json;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Digests;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Cards;

/// <summary>
/// Builds a stored digest as an actionable card: its flags and disputes as rows in their current state, with the buttons the
/// digest's manager may press, so the digest acts (approve from it, or open a flag's card) and never shows a stale next step.
/// </summary>
internal sealed class DigestCardQuery(CoachLoopDbContext db)
{
    public Task<Card> BuildAsync(Guid noticeId, string payload, CancellationToken ct) =>
        BuildAsync(noticeId, JsonSerializer.Deserialize<Digest>(payload, JsonColumn.Options)!, ct);

    /// <summary>A digest as a card, stored (a notice) or composed on demand (<paramref name="noticeId"/> empty).</summary>
    public async Task<Card> BuildAsync(Guid noticeId, Digest digest, CancellationToken ct)
    {
        var flagIds = digest.Compliance.Concat(digest.NewAndOpen).Concat(digest.AwaitingApproval).Concat(digest.DueToday)
            .Select(i => i.SubjectId).Distinct().ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => flagIds.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        var manager = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == digest.ManagerId, ct).ConfigureAwait(false);
        var rows = manager is null ? [] : await new OpenFlagsQuery(db).RowsAsync(flags, manager, ct).ConfigureAwait(false);
        var byId = flags.ToDictionary(f => f.Id);
        var compliance = rows.Where(r => IsOpenCompliance(r, byId)).Select(r => r with { Group = DigestCardBuilder.ComplianceGroup });
        var others = rows.Where(r => !IsOpenCompliance(r, byId));
        var disputeIds = digest.DisputesWaiting.Select(d => d.SubjectId).ToList();
        var disputes = await db.Disputes.AsNoTracking().Where(d => disputeIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct).ConfigureAwait(false);
        var disputeRows = digest.DisputesWaiting.Where(i => disputes.ContainsKey(i.SubjectId)).Select(i => DisputeRow(i, disputes[i.SubjectId]));
        var scheduled = await ScheduledAsync(digest, ct).ConfigureAwait(false);
        var version = unchecked(OpenFlagsQuery.Version(flags) + disputes.Values.Count(d => d.Status != DisputeStatus.Open) + scheduled.Count);
        var card = DigestCardBuilder.Build(noticeId, digest, [.. compliance, .. others, .. disputeRows, .. Workshops.WorkshopRows.For(digest, scheduled)], version);
        return Workshops.WorkshopRows.Schedule(noticeId, version, digest, scheduled) is { } schedule ? card with { Actions = [schedule] } : card;
    }

    /// <summary>The workshops already scheduled for the flags of the digest's suggestions, by flag.</summary>
    private async Task<IReadOnlyDictionary<Guid, (Guid Id, DateOnly Day)>> ScheduledAsync(Digest digest, CancellationToken ct)
    {
        var ids = digest.Workshops.SelectMany(w => w.Flags).Select(f => f.FlagId).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, (Guid, DateOnly)>();
        }

        var taken = await db.WorkshopFlags.AsNoTracking().Where(l => ids.Contains(l.FlagId))
            .Join(db.Workshops.AsNoTracking(), l => l.WorkshopId, w => w.Id, (l, w) => new { l.FlagId, w.Id, w.ScheduledFor })
            .ToListAsync(ct).ConfigureAwait(false);
        return taken.ToDictionary(t => t.FlagId, t => (t.Id, t.ScheduledFor));
    }

    private static bool IsOpenCompliance(CardRow row, Dictionary<Guid, Flag> flags) =>
        row.Actions.Count > 0 && Guid.TryParse(row.Actions[^1].Data[CardData.SubjectId], out var id)
        && flags.TryGetValue(id, out var flag) && flag.Kind == FlagKind.Compliance && flag.IsOpen;

    private static CardRow DisputeRow(DigestItem item, Dispute dispute)
    {
        var version = dispute.Status == DisputeStatus.Open ? 0 : 1;
        var state = dispute.Status == DisputeStatus.Open ? $"answer by {CardText.Time(dispute.Deadline)}" : dispute.Status.ToString().ToLowerInvariant();
        return new CardRow(DigestCardBuilder.DisputesGroup, item.Agent, $"\u201c{dispute.Reason}\u201d \u00b7 {state}",
            [new(CardVerbs.OpenCard, FlagRows.OpenCardTitle, CardActionStyle.Default, CardText.Data(CardKinds.Dispute, dispute.Id, version), [])]);
    }
}
