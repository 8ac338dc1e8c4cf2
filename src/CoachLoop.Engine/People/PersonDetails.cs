using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.People;

/// <summary>A directory row as given by the API or a CSV line. <see cref="DigestDelivery"/> null keeps the stored choice (chat for a new person).</summary>
public sealed record PersonDetails(
    string Email,
    string Name,
    PersonRole Role,
    string? TeamKey,
    string? ExternalId,
    string TimeZone,
    int TypicalCallsPerDay,
    string? SlackUserId,
    string? TeamsAadObjectId,
    DigestDelivery? DigestDelivery = null)
{
    /// <summary>The column sizes of the directory (People, Teams, ChatIdentities): a longer value is refused on every provider.</summary>
    public const int MaxEmail = 320, MaxName = 200, MaxExternalId = 200, MaxTimeZone = 64, MaxTeamKey = 100, MaxChatUserId = 200;

    public IReadOnlyList<ValidationError> Validate(string prefix = "")
    {
        var errors = new List<ValidationError>();
        TextLimits.Check(errors, $"{prefix}email", Email, MaxEmail);
        TextLimits.Check(errors, $"{prefix}name", Name, MaxName);
        TextLimits.Check(errors, $"{prefix}team", TeamKey, MaxTeamKey);
        TextLimits.Check(errors, $"{prefix}externalId", ExternalId, MaxExternalId);
        TextLimits.Check(errors, $"{prefix}timeZone", TimeZone, MaxTimeZone);
        TextLimits.Check(errors, $"{prefix}slackUserId", SlackUserId, MaxChatUserId);
        TextLimits.Check(errors, $"{prefix}teamsAadObjectId", TeamsAadObjectId, MaxChatUserId);
        // A field refused for its text is not judged again (a time zone of 10,000 characters is not also "unknown").
        var refused = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        if (!refused.Contains($"{prefix}email")
            && (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal) || Email.Trim().Contains(' ', StringComparison.Ordinal)))
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

        if (!refused.Contains($"{prefix}timeZone") && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            errors.Add(new($"{prefix}timeZone", $"unknown time zone '{TimeZone}' (use an IANA id such as Europe/Paris)"));
        }

        if (DigestDelivery is { } delivery && !Enum.IsDefined(delivery))
        {
            errors.Add(new($"{prefix}digestDelivery", "must be chat, email or both"));
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
