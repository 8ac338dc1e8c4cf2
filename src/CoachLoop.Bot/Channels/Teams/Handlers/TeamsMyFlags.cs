using System.Globalization;
using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// <c>my flags</c>: the open flags someone owns or manages, as cards they can act on (an agent gets their own score card, a manager
/// the flag card), each shown as that person may use it. At most <see cref="MaxCards"/> cards, earliest follow-up first, so the
/// answer stays inside Teams' per-conversation send limit (7 a second with the line of text before them); the text says how many
/// more there are.
/// </summary>
public sealed class TeamsMyFlags(CoachLoopDbContext db, CardFactory cards, TeamsViewers viewers)
{
    public const int MaxCards = 5;

    private static readonly FlagStatus[] Closed = [FlagStatus.Closed, FlagStatus.Dismissed];

    public async Task<TeamsAnswer> AnswerAsync(Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var visible = Visible(db, person);
        var total = await visible.CountAsync(ct).ConfigureAwait(false);
        if (total == 0)
        {
            return new TeamsAnswer("No open flags. Nice.", []);
        }

        var flags = await visible.OrderBy(f => f.FollowUpDate).ThenBy(f => f.RaisedAt).Take(MaxCards).ToListAsync(ct).ConfigureAwait(false);
        var shown = new List<Card>();
        foreach (var flag in flags)
        {
            // Your own flag is your score card (accept or dispute); a flag of your team is the manager's flag card.
            var kind = flag.AgentId == person.Id ? CardKinds.AgentScore : CardKinds.Flag;
            if (await cards.BuildAsync(kind, flag.Id, ct).ConfigureAwait(false) is { } card)
            {
                shown.Add(await viewers.ForViewerAsync(card, person, ct).ConfigureAwait(false));
            }
        }

        var more = total - flags.Count;
        var text = more > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Open flags: {total}. Here are the {flags.Count} with the earliest follow-up; {more} more after them.")
            : string.Create(CultureInfo.InvariantCulture, $"Open flags: {total}.");
        return new TeamsAnswer(text, shown);
    }

    /// <summary>Open flags the person owns or whose team they manage.</summary>
    public static IQueryable<Flag> Visible(CoachLoopDbContext db, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var managed = db.Teams.Where(t => t.ManagerId == person.Id).Select(t => (Guid?)t.Id);
        return db.Flags.AsNoTracking().Where(f => !Closed.Contains(f.Status) && (f.AgentId == person.Id || managed.Contains(f.TeamId)));
    }
}
