namespace CoachLoop.Engine.Tests.Coaching;

/// <summary>Logging a workshop logs a session on each of its flags with the one-to-one rule, all or nothing.</summary>
public sealed class WorkshopTests
{
    private static readonly WorkshopLog Held = new("Acknowledge first", "We rush to policy", "Name the frustration, then the fix", "3 role-plays",
        Moments.Today, "Group of three");

    private static Workshop ScheduleFor(IReadOnlyList<Flag> flags) =>
        Workshop.Schedule(new WorkshopSuggestion(Actors.TeamId, "empathy",
                [.. flags.Select(f => new WorkshopCandidate(f.Id, f.TeamId, f.AgentId, "Dana", f.CriterionId, f.Score, f.Threshold, f.Status, f.RaisedAt))]),
            Workshop.DefaultDate(Moments.Today), Moments.Today, Actors.Manager, Moments.Now);

    [Fact]
    public void TheManagersOwnTodayMayBeUtcsYesterdayAndADayBeforeItIsRefused()
    {
        var flags = new[] { new FlagBuilder().At(FlagStatus.Raised) };
        var suggestion = new WorkshopSuggestion(Actors.TeamId, "empathy",
            [.. flags.Select(f => new WorkshopCandidate(f.Id, f.TeamId, f.AgentId, "Dana", f.CriterionId, f.Score, f.Threshold, f.Status, f.RaisedAt))]);
        var localToday = DateOnly.FromDateTime(Moments.Now.UtcDateTime).AddDays(-1); // evening west of UTC

        var workshop = Workshop.Schedule(suggestion, localToday, localToday, Actors.Manager, Moments.Now);

        Assert.Equal(localToday, workshop.ScheduledFor);
        Assert.Throws<DomainException>(() => Workshop.Schedule(suggestion, localToday.AddDays(-1), localToday, Actors.Manager, Moments.Now));
    }

    [Fact]
    public void EveryFlagGetsTheSessionWithItsOwnFollowUpDateAndTheWorkshopIsLogged()
    {
        var flags = new[] { new FlagBuilder().At(FlagStatus.Raised), new FlagBuilder().At(FlagStatus.PracticeApproved), new FlagBuilder().At(FlagStatus.Continued) };
        var workshop = ScheduleFor(flags);
        var followUps = new Dictionary<Guid, DateOnly> { [flags[0].Id] = Moments.Today.AddDays(7), [flags[1].Id] = Moments.Today.AddDays(14), [flags[2].Id] = Moments.Today.AddDays(10) };

        workshop.Log(flags, Held, f => followUps[f.Id], _ => "Dana", Actors.Manager, Moments.Now);

        Assert.All(flags, f => Assert.Equal(FlagStatus.SessionLogged, f.Status));
        Assert.All(flags, f => Assert.Equal(followUps[f.Id], f.FollowUpDate));
        Assert.All(flags, f => Assert.Equal("Name the frustration, then the fix", f.Session!.AgreedBehaviour));
        Assert.Equal(WorkshopStatus.Logged, workshop.Status);
        Assert.Contains(workshop.PendingChanges, c => c.Action == "log-workshop");
        Assert.Contains(flags[0].PendingChanges, c => c.Action == "approve-practice");
    }

    [Theory]
    [InlineData("resolve", "resolved")]
    [InlineData("dismiss", "dismissed")]
    [InlineData("coach", "already coached")]
    public void AFlagThatMovedMeanwhileRefusesTheWholeLogAndChangesNothing(string move, string said)
    {
        var flags = new[] { new FlagBuilder().At(FlagStatus.Raised), new FlagBuilder().At(FlagStatus.PracticeApproved), new FlagBuilder().At(FlagStatus.Raised) };
        var workshop = ScheduleFor(flags);
        switch (move)
        {
            case "resolve":
                flags[2].Resolve("handled", Actors.Manager, Moments.Now);
                break;
            case "dismiss":
                flags[2].Dismiss("misheard", Actors.Manager, Moments.Now);
                break;
            default:
                FlagBuilder.ToSessionLogged(flags[2]);
                break;
        }

        var before = flags.Select(f => (f.Status, f.Revision, f.PendingChanges.Count)).ToList();

        var refusal = Assert.Throws<DomainException>(() => workshop.Log(flags, Held, _ => Moments.Today.AddDays(7), _ => "Dana", Actors.Manager, Moments.Now));

        Assert.Contains($"Dana's flag is {said}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, flags.Select(f => (f.Status, f.Revision, f.PendingChanges.Count)));
        Assert.Equal((WorkshopStatus.Scheduled, 0), (workshop.Status, workshop.Revision));
    }

    [Fact]
    public void AWorkshopIsLoggedOnce()
    {
        var flags = new[] { new FlagBuilder().At(FlagStatus.PracticeApproved) };
        var workshop = ScheduleFor(flags);
        workshop.Log(flags, Held, _ => Moments.Today.AddDays(7), _ => "Dana", Actors.Manager, Moments.Now);

        Assert.Equal("workshop.already-logged",
            Assert.Throws<DomainException>(() => workshop.Log(flags, Held, _ => Moments.Today.AddDays(7), _ => "Dana", Actors.Manager, Moments.Now)).Code);
    }
}
