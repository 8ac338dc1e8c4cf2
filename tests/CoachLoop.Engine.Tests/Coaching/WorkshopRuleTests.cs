namespace CoachLoop.Engine.Tests.Coaching;

/// <summary>When several agents of a team share a weakness, one workshop is suggested instead of one-to-ones.</summary>
public sealed class WorkshopRuleTests
{
    private static readonly Guid OtherTeam = new("0199f2a0-0000-7000-8000-0000000000bb");

    private static WorkshopCandidate Open(int agent, string criterion = "empathy", double daysAgo = 1, FlagStatus status = FlagStatus.Raised,
        Guid? team = null, bool inWorkshop = false) =>
        new(Guid.NewGuid(), team ?? Actors.TeamId, new Guid($"0199f2a0-0000-7000-9000-{agent:000000000000}"), $"Agent {agent}", criterion, 45m, 60m,
            status, Moments.Now.AddDays(-daysAgo), inWorkshop);

    private static IReadOnlyList<WorkshopSuggestion> Suggest(params WorkshopCandidate[] flags) => WorkshopRule.Default.Suggest(flags, Moments.Now);

    [Fact]
    public void TwoAgentsAreNotEnoughForAWorkshop()
    {
        Assert.Empty(Suggest(Open(1), Open(2)));
    }

    [Fact]
    public void ThreeAgentsOnOneCriterionMakeOneSuggestionNamingEveryFlag()
    {
        var flags = new[] { Open(3), Open(1), Open(2), Open(1, daysAgo: 2) };

        var suggestion = Assert.Single(Suggest(flags));

        Assert.Equal(("empathy", 3, 4), (suggestion.CriterionId, suggestion.AgentCount, suggestion.Flags.Count));
        Assert.Equal(["Agent 1", "Agent 1", "Agent 2", "Agent 3"], suggestion.Flags.Select(f => f.AgentName));
    }

    [Fact]
    public void OneAgentWithThreeFlagsIsNotAGroup()
    {
        Assert.Empty(Suggest(Open(1), Open(1, daysAgo: 2), Open(1, daysAgo: 3)));
    }

    [Fact]
    public void FlagsRaisedMoreThanFourteenDaysAgoDoNotCount()
    {
        Assert.Empty(Suggest(Open(1), Open(2), Open(3, daysAgo: 14.01)));
        Assert.Single(Suggest(Open(1), Open(2), Open(3, daysAgo: 14)));
    }

    [Theory]
    [InlineData(FlagStatus.Closed)]
    [InlineData(FlagStatus.Dismissed)]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.FollowUpDue)]
    [InlineData(FlagStatus.Escalated)]
    public void ResolvedOrAlreadyCoachedFlagsDoNotCount(FlagStatus status)
    {
        Assert.Empty(Suggest(Open(1), Open(2), Open(3, status: status)));
    }

    [Theory]
    [InlineData(FlagStatus.PracticeApproved)]
    [InlineData(FlagStatus.Continued)]
    public void FlagsStillWaitingForASessionCount(FlagStatus status)
    {
        Assert.Single(Suggest(Open(1), Open(2), Open(3, status: status)));
    }

    [Fact]
    public void DifferentCriteriaDoNotMerge()
    {
        Assert.Empty(Suggest(Open(1), Open(2), Open(3, criterion: "resolution")));
    }

    [Fact]
    public void DifferentTeamsDoNotMerge()
    {
        Assert.Empty(Suggest(Open(1), Open(2), Open(3, team: OtherTeam)));
    }

    [Fact]
    public void FlagsAlreadyInAWorkshopAreNotSuggestedAgain()
    {
        Assert.Empty(Suggest(Open(1), Open(2), Open(3, inWorkshop: true)));
    }

    [Fact]
    public void TheThresholdAndWindowAreSettings()
    {
        Assert.Single(new WorkshopRule(MinAgents: 2).Suggest([Open(1), Open(2)], Moments.Now));
        Assert.Empty(new WorkshopRule(WindowDays: 7).Suggest([Open(1), Open(2), Open(3, daysAgo: 8)], Moments.Now));
    }

    [Fact]
    public void TheNextWorkingDayIsTheDefaultDate()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Workshop.DefaultDate(new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2026, 12, 1), Workshop.DefaultDate(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 11, 30), Workshop.DefaultDate(new DateOnly(2026, 11, 28)));
    }
}
