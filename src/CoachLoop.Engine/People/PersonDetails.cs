using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.People;

/// <summary>A directory row as given by the API or a CSV line.</summary>
public sealed record PersonDetails(
    string Email,
    string Name,
    PersonRole Role,
    string? TeamKey,
    string? ExternalId,
    string TimeZone,
    int TypicalCallsPerDay,
    string? SlackUserId,
    string? TeamsAadObjectId)
{
    public IReadOnlyList<ValidationError> Validate(string prefix = "")
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal) || Email.Trim().Contains(' ', StringComparison.Ordinal))
        {
            errors.Add(new($"{prefix}email", "must be an email address"));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new($"{prefix}name", "is required"));
        }

        if (!Enum.IsDefined(Role))
        {
            errors.Add(new($"{prefix}role", "must be agent, manager, coach, reviewer, qaLead or admin"));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            errors.Add(new($"{prefix}timeZone", $"unknown time zone '{TimeZone}' (use an IANA id such as Europe/Paris)"));
        }

        if (TypicalCallsPerDay is < 0 or > 1000)
        {
            errors.Add(new($"{prefix}typicalCallsPerDay", "must be between 0 and 1000"));
        }

        if (Role == PersonRole.Agent && string.IsNullOrWhiteSpace(TeamKey))
        {
            errors.Add(new($"{prefix}team", "an agent needs a team"));
        }

        return errors;
    }
}
