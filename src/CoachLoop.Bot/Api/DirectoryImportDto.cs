using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Api;

/// <summary>
/// What a directory import saved: the people, the teams it created (only with createTeams=true), and warnings a person
/// must act on, such as a created team that has no manager yet (its agents' flags reach no one until it has one).
/// </summary>
internal sealed record DirectoryImportDto(IReadOnlyList<PersonDto> People, IReadOnlyList<CreatedTeamDto> TeamsCreated, IReadOnlyList<string> Warnings)
{
    public static DirectoryImportDto From(IReadOnlyList<PersonDto> people, IReadOnlyList<Team> created, IReadOnlyList<Person> saved)
    {
        var teams = created.Select(t => new CreatedTeamDto(t.Key, saved.FirstOrDefault(p => p.Id == t.ManagerId)?.Email)).ToList();
        var warnings = teams.Where(t => t.Manager is null)
            .Select(t => $"team '{t.Key}' was created without a manager: import its manager with role manager and team {t.Key}")
            .ToList();
        return new DirectoryImportDto(people, teams, warnings);
    }
}
