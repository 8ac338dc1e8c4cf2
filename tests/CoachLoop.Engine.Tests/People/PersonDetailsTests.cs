namespace CoachLoop.Engine.Tests.People;

public sealed class PersonDetailsTests
{
    private static IReadOnlyList<ValidationError> Validate(Func<PersonDetails, PersonDetails> change, string prefix = "") =>
        new PersonDetailsBuilder().With(change).Build().Validate(prefix);

    [Fact]
    public void DemoAgentIsValid() => Assert.Empty(new PersonDetailsBuilder().Build().Validate());

    [Theory]
    [InlineData("")]
    [InlineData("dana.example.com")]
    [InlineData("dana smith@example.com")]
    public void EmailMustBeAnAddress(string email) =>
        Assert.Equal("email", Assert.Single(Validate(d => d with { Email = email })).Field);

    [Fact]
    public void EmailWithSurroundingSpacesIsAccepted() => Assert.Empty(Validate(d => d with { Email = " dana@example.com " }));

    [Fact]
    public void NameIsRequired() => Assert.Equal("name", Assert.Single(Validate(d => d with { Name = "  " })).Field);

    [Fact]
    public void UndefinedRoleIsRefused() => Assert.Equal("role", Assert.Single(Validate(d => d with { Role = (PersonRole)42 })).Field);

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void UnknownTimeZoneIsRefused(string timeZone)
    {
        var error = Assert.Single(Validate(d => d with { TimeZone = timeZone }));

        Assert.Equal("timeZone", error.Field);
        Assert.Contains($"'{timeZone}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Chicago")]
    public void IanaTimeZonesAreAccepted(string timeZone) => Assert.Empty(Validate(d => d with { TimeZone = timeZone }));

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void TypicalCallsPerDayOutsideZeroToThousandIsRefused(int calls) =>
        Assert.Equal("typicalCallsPerDay", Assert.Single(Validate(d => d with { TypicalCallsPerDay = calls })).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void TypicalCallsPerDayAtTheEdgesIsAccepted(int calls) => Assert.Empty(Validate(d => d with { TypicalCallsPerDay = calls }));

    [Fact]
    public void AgentNeedsATeam() => Assert.Equal("team", Assert.Single(Validate(d => d with { TeamKey = " " })).Field);

    [Fact]
    public void ManagerNeedsNoTeam() => Assert.Empty(Validate(d => d with { Role = PersonRole.Manager, TeamKey = null }));

    [Fact]
    public void EveryReasonIsListedWithTheRowPrefix()
    {
        var errors = Validate(d => d with { Email = "nope", Name = "", TimeZone = "Nowhere", TypicalCallsPerDay = -3, TeamKey = null },
            prefix: "rows[3].");

        Assert.Equal(["rows[3].email", "rows[3].name", "rows[3].timeZone", "rows[3].typicalCallsPerDay", "rows[3].team"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void PersonKeepsANormalisedEmailAndTrimmedDetails()
    {
        var person = Person.Create("  Dana@Example.COM ", Moments.Now);
        var details = new PersonDetailsBuilder().With(d => d with { Name = " Dana Agent ", ExternalId = "  " }).Build();

        person.Update(details, Actors.TeamId, Moments.Now.AddHours(1));

        Assert.Equal(("dana@example.com", "Dana Agent", null), (person.Email, person.Name, person.ExternalId));
        Assert.Equal((PersonRole.Agent, Actors.TeamId, 25, "Europe/Paris"), (person.Role, person.TeamId, person.TypicalCallsPerDay, person.TimeZone));
        Assert.Equal(Moments.Now.AddHours(1), person.UpdatedAt);
    }

    [Fact]
    public void TextNoColumnHoldsIsRefusedOnceAlongsideTheOtherErrors()
    {
        var errors = Validate(d => d with { Email = "dana\u0000@example.com", TimeZone = new string('z', 65), Name = new string('n', 201), Role = (PersonRole)42 });

        Assert.Equal(["email", "name", "role", "timeZone"], errors.Select(e => e.Field).Order());
        Assert.Equal("must be at most 64 characters, was 65", errors.Single(e => e.Field == "timeZone").Message);
    }
}
