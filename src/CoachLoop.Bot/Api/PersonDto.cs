using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Api;

/// <summary>A directory row: an agent, manager, coach, reviewer, QA lead or admin, with their chat identities.</summary>
internal sealed record PersonDto(
    string? Email,
    string? Name,
    PersonRole? Role,
    string? Team,
    string? ExternalId,
    string? TimeZone,
    int? TypicalCallsPerDay,
    string? SlackUserId,
    string? TeamsAadObjectId,
    DigestDelivery? DigestDelivery = null)
{
    /// <summary>A person sent without <see cref="DigestDelivery"/> keeps where their digest goes (chat for someone new).</summary>
    public PersonDetails ToDetails() => new(Email ?? "", Name ?? "", Role ?? (PersonRole)(-1), Team, ExternalId,
        string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim(), TypicalCallsPerDay ?? 0, SlackUserId, TeamsAadObjectId, DigestDelivery);

    public static PersonDto From(Person p, string? teamKey) =>
        new(p.Email, p.Name, p.Role, teamKey, p.ExternalId, p.TimeZone, p.TypicalCallsPerDay, null, null, p.DigestDelivery);
}

internal sealed record PeopleDto(List<PersonDto>? People);
