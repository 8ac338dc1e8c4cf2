using CoachLoop.Data.Outbox;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>Web conversations: one manager channel per team (<c>team:{id}</c>), one direct conversation per person (<c>dm:{id}</c>).</summary>
public sealed class WebConversations : IConversationRouter
{
    public string Channel => ChatIdentity.Web;

    public static string TeamChannel(Guid teamId) => $"team:{teamId}";

    public static string Direct(Guid personId) => $"dm:{personId}";

    public Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([TeamChannel(teamId)]);

    public Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct) => Task.FromResult<string?>(Direct(personId));

    /// <summary>
    /// Who sees a conversation: a direct one only its person; a team channel its manager and the team's
    /// coaches and reviewers, and QA leads. Individual scores never reach other team channels.
    /// </summary>
    public static bool CanSee(Person person, Team? team, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (conversationId == Direct(person.Id))
        {
            return true;
        }

        if (team is null || conversationId != TeamChannel(team.Id))
        {
            return false;
        }

        return team.ManagerId == person.Id || person.Role == PersonRole.QaLead
            || (person.TeamId == team.Id && person.Role is PersonRole.Coach or PersonRole.Reviewer);
    }
}
