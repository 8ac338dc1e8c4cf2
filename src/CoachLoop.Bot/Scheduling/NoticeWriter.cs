using System.Text.Json;
using CoachLoop.Bot.Channels.Email;
using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Scheduling;

/// <summary>Adds a notice and its outbox posts to the unit of work; the unique key makes a second host's copy fail and roll back.</summary>
public sealed class NoticeWriter(CoachLoopDbContext db, OutboxWriter outbox, TimeProvider clock, IOptions<EmailOptions> email)
{
    public async Task AddAsync(string key, string kind, string audience, Guid audienceId, object payload, bool urgent, bool send,
        CancellationToken ct)
    {
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            DedupeKey = key,
            Kind = kind,
            Audience = audience,
            AudienceId = audienceId,
            Urgent = urgent,
            Payload = JsonSerializer.Serialize(payload, payload.GetType(), JsonColumn.Options),
            Sent = send,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Notices.Add(notice);
        if (kind == NoticeKinds.Digest)
        {
            // A digest lists flags as rows that follow their flags' changes: linked so that a click finds it by index.
            var named = NoticeFlag.In(notice.Id, notice.Payload).Select(l => l.FlagId).ToList();
            var flags = await db.Flags.AsNoTracking().Where(f => named.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct).ConfigureAwait(false);
            db.NoticeFlags.AddRange(flags.Select(id => new NoticeFlag { NoticeId = notice.Id, FlagId = id }));
        }

        if (send)
        {
            var (toChat, emailTo) = await RecipientAsync(kind, audience, audienceId, ct).ConfigureAwait(false);
            await outbox.PostNoticeAsync(notice, ct, toChat, emailTo).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A digest or weekly report goes where its person chose (<see cref="DigestDelivery"/>): chat, email or both. With no email channel configured
    /// it goes to chat whatever the choice, so that nobody's digest silently vanishes.
    /// </summary>
    private async Task<(bool ToChat, string? EmailTo)> RecipientAsync(string kind, string audience, Guid personId, CancellationToken ct)
    {
        if (kind is not (NoticeKinds.Digest or NoticeKinds.WeeklyReport) || audience != Notice.ToPerson || !email.Value.Enabled)
        {
            return (true, null);
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Email, p.DigestDelivery })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return person is null || person.DigestDelivery == DigestDelivery.Chat
            ? (true, null)
            : (person.DigestDelivery == DigestDelivery.Both, person.Email);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => db.Notices.AnyAsync(n => n.DedupeKey == key, ct);

    /// <summary>
    /// Saves the unit of work. False when another host got there first (its notice key or the flag's
    /// revision won): nothing of ours was written, which is exactly what "once" needs.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
