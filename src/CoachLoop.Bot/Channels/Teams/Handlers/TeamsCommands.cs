using System.Globalization;
using System.Text;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>What the typed commands answer: Markdown text for a reply, and for <c>my flags</c> the flag cards to act on.</summary>
public sealed class TeamsCommands(CoachLoopDbContext db, TeamsPeople people, TeamsMyFlags myFlags, TimeProvider clock)
{
    public const string Help = "I post coaching cards from QA scores. Commands: **help**; **my flags** (open flags you own or manage); " +
        "**digest now** (your team's open flags by status); **link &lt;teamKey&gt;** in a team channel (post that team's flag cards here).";

    public async Task<TeamsAnswer> RunAsync(Activity activity, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = string.Join(' ', words.Take(2)).ToLowerInvariant();
        if (words.Length == 0 || words[0].Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            return Help;
        }

        if (command is not ("my flags" or "digest now") && !words[0].Equals("link", StringComparison.OrdinalIgnoreCase))
        {
            return $"I did not understand that. {Help}";
        }

        var (_, person) = await people.ResolveAsync(activity, ct).ConfigureAwait(false);
        if (person is null)
        {
            return "I do not know you yet: ask your CoachLoop admin to add your work email to the directory.";
        }

        return command switch
        {
            "my flags" => await myFlags.AnswerAsync(person, ct).ConfigureAwait(false),
            "digest now" => await DigestAsync(person, ct).ConfigureAwait(false),
            _ => await LinkAsync(activity, person, words.ElementAtOrDefault(1), ct).ConfigureAwait(false),
        };
    }

    private async Task<string> DigestAsync(Person person, CancellationToken ct)
    {
        var byStatus = await TeamsMyFlags.Visible(db, person).GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = await TeamsMyFlags.Visible(db, person).CountAsync(f => f.FollowUpDate <= today, ct).ConfigureAwait(false);
        return byStatus.Count == 0 ? "Digest: no open flags."
            : $"Digest: {string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Count} {s.Key}"))}; {due} follow-up(s) due by today.";
    }

    private async Task<string> LinkAsync(Activity activity, Person person, string? teamKey, CancellationToken ct)
    {
        if (activity.Conversation?.ConversationType is "personal" || activity.ChannelData?.Team?.Id is null)
        {
            return "Type **link &lt;teamKey&gt;** in the team channel where the flag cards should go.";
        }

        var team = teamKey is null ? null : await db.Teams.FirstOrDefaultAsync(t => t.Key == teamKey, ct).ConfigureAwait(false);
        if (team is null)
        {
            return $"There is no CoachLoop team '{Md(teamKey ?? "")}'.";
        }

        if (team.ManagerId != person.Id && person.Role is not (PersonRole.QaLead or PersonRole.Admin))
        {
            return $"Only {Md(team.Name)}'s manager or a QA lead can link it.";
        }

        var now = clock.GetUtcNow();
        var route = await db.ChannelRoutes.FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.TeamRoute && r.SubjectId == team.Id, ct).ConfigureAwait(false);
        if (route is null)
        {
            route = new ChannelRoute { Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Teams, RouteKind = ChannelRoute.TeamRoute, SubjectId = team.Id, CreatedAt = now };
            db.ChannelRoutes.Add(route);
        }

        route.ConversationId = TeamsConversations.ChannelOf(activity);
        route.Tenant = activity.Tenant;
        route.ServiceUrl = activity.ServiceUrl;
        route.ReferenceJson = System.Text.Json.JsonSerializer.Serialize(new { teamId = activity.ChannelData.Team.Id }, TeamsJson.Options);
        route.UpdatedAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return $"Linked: {Md(team.Name)}'s flag cards will be posted in this channel.";
    }

    private static string Md(string text) => Cards.AdaptiveCards.AdaptiveMarkdown.Neutralise(text);
}
