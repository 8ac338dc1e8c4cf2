namespace CoachLoop.Engine.Tests.Coaching;

/// <summary>Which peer call a flag shows as "what good sounds like": known data, one rule per test.</summary>
public sealed class PeerExampleRuleTests
{
    private static readonly PeerExampleRule Rule = PeerExampleRule.Default;
    private static readonly Guid OtherTeam = new("0199f2a0-0000-7000-8000-0000000000bb");
    private static readonly DateTimeOffset FlaggedCall = Moments.Now.AddHours(-2);

    private static PeerCandidate Peer(int id, Guid? team, decimal score = 90, double daysAgo = 1, string? quote = "I can hear how frustrating that is.",
        string criterion = "empathy", string rubric = "support", Guid? agent = null, bool overturned = false) =>
        new(new Guid($"0199f2a0-0000-7000-8000-{id:000000000000}"), agent ?? new Guid($"0199f2a0-0000-7000-9000-{id:000000000000}"), team,
            rubric, criterion, score, quote, FlaggedCall.AddDays(-daysAgo), overturned);

    private static PeerCandidate? Choose(params PeerCandidate[] candidates) =>
        Rule.Choose(candidates, Actors.AgentId, Actors.TeamId, "support", "empathy", 60m, FlaggedCall, Moments.Now);

    [Fact]
    public void ATeammatesCallWinsOverANewerHigherScoringCallFromAnotherTeam()
    {
        var teammate = Peer(1, Actors.TeamId, score: 80, daysAgo: 10);
        var other = Peer(2, OtherTeam, score: 100, daysAgo: 0.5);

        Assert.Equal(teammate, Choose(other, teammate));
    }

    [Fact]
    public void WithoutATeammateTheOrganisationsBestIsShown()
    {
        var other = Peer(2, OtherTeam);

        Assert.Equal(other, Choose(other, Peer(3, Actors.TeamId, score: 70)));
    }

    [Fact]
    public void TheAgentsOwnCallIsNeverShownHoweverGood()
    {
        Assert.Null(Choose(Peer(1, Actors.TeamId, score: 100, agent: Actors.AgentId)));
    }

    [Fact]
    public void TheMostRecentQualifyingCallWinsThenTheHigherScoreThenTheScoreId()
    {
        var older = Peer(1, Actors.TeamId, score: 100, daysAgo: 3);
        var newer = Peer(2, Actors.TeamId, score: 80, daysAgo: 1);
        var sameTimeHigher = Peer(3, Actors.TeamId, score: 95, daysAgo: 1);
        var tieA = Peer(4, Actors.TeamId, score: 95, daysAgo: 1);

        Assert.Equal(newer, Choose(older, newer));
        Assert.Equal(sameTimeHigher, Choose(newer, sameTimeHigher));
        Assert.Equal(sameTimeHigher, Choose(tieA, sameTimeHigher));
        Assert.Equal(sameTimeHigher, Choose(sameTimeHigher, tieA));
    }

    [Fact]
    public void OnlyTheSameCriterionOfTheSameRubricWithAQuoteInTheWindowAndHighEnoughQualifies()
    {
        Assert.Null(Choose(Peer(1, Actors.TeamId, criterion: "resolution")));
        Assert.Null(Choose(Peer(2, Actors.TeamId, rubric: "sales")));
        Assert.Null(Choose(Peer(3, Actors.TeamId, quote: null)));
        Assert.Null(Choose(Peer(4, Actors.TeamId, quote: "  ")));
        Assert.Null(Choose(Peer(5, Actors.TeamId, daysAgo: 31)));
        Assert.Null(Choose(Peer(6, Actors.TeamId, score: 74.9m)));
        Assert.Null(Choose(Peer(7, Actors.TeamId, overturned: true)));
        Assert.NotNull(Choose(Peer(8, Actors.TeamId, score: 75)));
        Assert.NotNull(Choose(Peer(9, Actors.TeamId, daysAgo: 30)));
    }

    [Fact]
    public void NothingIsChosenWhenNoCallQualifies()
    {
        Assert.Null(Choose());
    }

    [Fact]
    public void HighIsTheThresholdPlusTheMarginCappedAtAPerfectScore()
    {
        Assert.Equal(75m, Rule.MinimumScore(60m));
        Assert.Equal(100m, Rule.MinimumScore(90m));
        Assert.Equal(70m, new PeerExampleRule(Margin: 10).MinimumScore(60m));
    }
}
