using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// "Digest now" in the web channel: the digest a manager would get this morning, composed now for each team they manage and
/// shown on the page only (nothing is sent, nothing is recorded).
/// </summary>
internal sealed class WebDigestNow(CoachLoopDbContext db, DigestComposer composer, TimeProvider clock, IOptions<SchedulingOptions> options)
{
    public async Task<IReadOnlyList<JsonObject>> ComposeAsync(Person manager, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var now = clock.GetUtcNow();
        var localDate = LocalSchedule.LocalDate(now, LocalSchedule.Zone(manager.TimeZone));
        var teams = await db.Teams.AsNoTracking().Where(t => t.ManagerId == manager.Id).OrderBy(t => t.Name).ToListAsync(ct).ConfigureAwait(false);
        var cards = new List<JsonObject>(teams.Count);
        foreach (var team in teams)
        {
            var digest = await composer.ComposeAsync(team, manager, localDate, now, options.Value.HealthWindowDays, ct).ConfigureAwait(false);
            cards.Add(AdaptiveCardRenderer.Render(await new DigestCardQuery(db).BuildAsync(Guid.Empty, digest, ct).ConfigureAwait(false)));
        }

        return cards;
    }
}
