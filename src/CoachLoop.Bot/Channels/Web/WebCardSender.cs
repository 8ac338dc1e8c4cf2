using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// Delivers cards to the web feeds: a post inserts the rendered Adaptive Card, an update replaces it in
/// place. A post is keyed by its card post id, so delivering it again after a crash does not duplicate it.
/// </summary>
public sealed class WebCardSender(CoachLoopDbContext db, TimeProvider clock) : ICardSender
{
    public string Channel => ChatIdentity.Web;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var json = AdaptiveCardRenderer.Render(message.Card).ToJsonString();
        if (message.MessageRef is null)
        {
            var id = Guid.Parse(message.IdempotencyKey["post-".Length..]);
            if (!await db.WebMessages.AnyAsync(m => m.Id == id, ct).ConfigureAwait(false))
            {
                db.WebMessages.Add(new WebMessage
                {
                    Id = id,
                    ConversationId = message.ConversationId,
                    CardKind = message.Card.Kind,
                    SubjectId = message.Card.SubjectId,
                    CardJson = json,
                    Revision = message.Card.Version,
                    PostedAt = now,
                    UpdatedAt = now,
                });
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            return SendResult.Sent(id.ToString());
        }

        var updated = await db.WebMessages.Where(m => m.Id == Guid.Parse(message.MessageRef))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CardJson, json).SetProperty(m => m.Revision, message.Card.Version)
                .SetProperty(m => m.UpdatedAt, now), ct).ConfigureAwait(false);
        return updated == 1 ? SendResult.Sent(message.MessageRef) : SendResult.Permanent("the web message to update is gone");
    }
}
