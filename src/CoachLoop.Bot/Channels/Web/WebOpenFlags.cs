using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// The open flags of the teams whose channel a person sees, each as its full flag card for that person: the way to act on
/// every flag, including those that arrived in a group card. Urgent first, then newest.
/// </summary>
internal sealed class WebOpenFlags(CoachLoopDbContext db, WebCardViews views)
{
    public const int MaxFlags = 200;

    public async Task<IReadOnlyList<WebOpenFlag>> ListAsync(Person viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var teams = (await db.Teams.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .Where(t => WebConversations.CanSee(viewer, t, WebConversations.TeamChannel(t.Id))).ToDictionary(t => t.Id, t => t.Name);
        var teamIds = teams.Keys.ToList();
        var flags = (await db.Flags.AsNoTracking().Where(f => f.TeamId != null && teamIds.Contains(f.TeamId.Value)).ToListAsync(ct).ConfigureAwait(false))
            .Where(f => f.IsOpen).OrderByDescending(f => f.Urgent).ThenByDescending(f => f.RaisedAt).ThenBy(f => f.Id).Take(MaxFlags).ToList();
        var open = new List<WebOpenFlag>(flags.Count);
        foreach (var flag in flags)
        {
            if (await views.RenderAsync(viewer, CardKinds.Flag, flag.Id, ct).ConfigureAwait(false) is { } card)
            {
                open.Add(new WebOpenFlag(flag.Id.ToString(), teams[flag.TeamId!.Value], flag.Revision, card));
            }
        }

        return open;
    }
}
