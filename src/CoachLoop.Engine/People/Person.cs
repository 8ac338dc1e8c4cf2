namespace CoachLoop.Engine.People;

/// <summary>
/// One CoachLoop person, whatever chat they use. Agents carry their typical calls per day (it sets
/// the follow-up window) and their team; everyone carries a time zone for digests.
/// </summary>
public sealed class Person
{
    private Person() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PersonRole Role { get; private set; }
    public Guid? TeamId { get; private set; }

    /// <summary>The id the QA system knows the agent by, when it is not the email.</summary>
    public string? ExternalId { get; private set; }

    public string TimeZone { get; private set; } = "UTC";
    public int TypicalCallsPerDay { get; private set; }

    /// <summary>Where the digest and the weekly report go (chat unless the person chose email or both).</summary>
    public DigestDelivery DigestDelivery { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Person Create(string email, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Email = NormaliseEmail(email), UpdatedAt = now };

    public void Update(PersonDetails details, Guid? teamId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name.Trim();
        Role = details.Role;
        TeamId = teamId;
        ExternalId = string.IsNullOrWhiteSpace(details.ExternalId) ? null : details.ExternalId.Trim();
        TimeZone = details.TimeZone;
        TypicalCallsPerDay = details.TypicalCallsPerDay;
        // Left out of a row, the choice stands: an import that does not know the column never moves someone's digest.
        DigestDelivery = details.DigestDelivery ?? DigestDelivery;
        UpdatedAt = now;
    }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
