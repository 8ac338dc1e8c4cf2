namespace CoachLoop.Engine.Tests.Transcripts;

public sealed class ScriptRulesTests
{
    private const string Disclosure = "this call may be recorded for quality and training purposes";

    private static readonly KeywordTrigger LegalThreat = new("legal threat", ["speak to a lawyer", "I will sue"], SpeakerScope.Customer);

    private readonly Rubric _rubric = Scripted(KeywordSeverity.Urgent);

    private static Rubric Scripted(KeywordSeverity severity) =>
        new RubricBuilder()
            .Replacing(DemoCriteria.Disclosure with { ScriptCheck = new ScriptCheck([Disclosure], WithinSeconds: 30) })
            .Replacing(DemoCriteria.Closing with { KeywordTriggers = [LegalThreat with { Severity = severity }] })
            .Build();

    private IReadOnlyList<FlagDraft> Evaluate(ScoredCallBuilder call) => FlagRules.Evaluate(_rubric, call.Build(), AgentHistory.Empty);

    private ScoredCallBuilder Call() => new(_rubric);

    [Fact]
    public void DisclosureWithSpeechRecognitionErrorsPasses()
    {
        var drafts = Evaluate(Call().WithTranscript(
            (Speaker.Agent, 1, "Thanks for calling Acme."),
            (Speaker.Agent, 4, "This call maybe record it for quality and training purpose."),
            (Speaker.Customer, 9, "Sure.")));

        Assert.Empty(drafts);
    }

    [Fact]
    public void DisclosureSaidAfterTheWindowRaisesTheComplianceFlagSayingQaDisagrees()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("disclosure", 92m).WithTranscript(
            (Speaker.Agent, 1, "Thanks for calling Acme, how can I help?"),
            (Speaker.Customer, 5, "My bill is wrong."),
            (Speaker.Agent, 45, "Before we go on, this call may be recorded for quality and training purposes."))));

        Assert.Equal((FlagKind.Compliance, true, "disclosure"), (draft.Kind, draft.Urgent, draft.Focus.Criterion.Id));
        var finding = Assert.IsType<TranscriptFinding>(draft.Finding);
        Assert.False(finding.Passed);
        Assert.Equal("not said in the first 30 s; said only at 00:00:45 (similarity 100%)", finding.Summary);
        Assert.Equal(("00:00:45", 100), (finding.Offset, finding.Similarity));
        Assert.Equal("Before we go on, this call may be recorded for quality and training purposes.", finding.Quote);
        Assert.Equal("QA score 92 passed but Recording disclosure was not said in the first 30 s; said only at 00:00:45 (similarity 100%)",
            finding.Disagreement);
        Assert.Equal(
        [
            "compliance: Recording disclosure script check failed: not said in the first 30 s; said only at 00:00:45 (similarity 100%)",
            finding.Disagreement!,
        ], draft.Reasons);
    }

    [Fact]
    public void NeverSaidQuotesTheClosestSegmentInTheWindow()
    {
        var draft = Assert.Single(Evaluate(Call().WithTranscript(
            (Speaker.Agent, 2, "Hi, this call is important to us."),
            (Speaker.Agent, 20, "Can I take your account number?"))));

        var finding = draft.Finding!;
        Assert.Equal("00:00:02", finding.Offset);
        Assert.Equal("Hi, this call is important to us.", finding.Quote);
        Assert.StartsWith("not said in the first 30 s; closest at 00:00:02 (similarity ", finding.Summary, StringComparison.Ordinal);
        Assert.InRange(finding.Similarity, 1, 79);
    }

    [Fact]
    public void DisclosureSaidByTheCustomerDoesNotCount()
    {
        var draft = Assert.Single(Evaluate(Call().WithTranscript(
            (Speaker.Agent, 1, "Thanks for calling Acme."),
            (Speaker.Customer, 3, "I know, this call may be recorded for quality and training purposes."))));

        Assert.Equal(FlagKind.Compliance, draft.Kind);
        Assert.DoesNotContain("customer", draft.Finding!.Quote ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Thanks for calling Acme.", draft.Finding.Quote);
    }

    [Fact]
    public void QaFailedButTheScriptWasSaidStillFlagsAndSaysSo()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("disclosure", 40m).WithTranscript(
            (Speaker.Agent, 3, "This call may be recorded for quality and training purposes."))));

        Assert.Equal(FlagKind.Compliance, draft.Kind);
        Assert.True(draft.Finding!.Passed);
        Assert.Equal("QA score 40 failed but the script check found Recording disclosure said at 00:00:03 (similarity 100%)",
            draft.Finding.Disagreement);
        Assert.Equal(["compliance: Recording disclosure failed (40 < 80)", draft.Finding.Disagreement!], draft.Reasons);
    }

    [Fact]
    public void KeywordHitRaisesAnUrgentKeywordFlagQuotingTheSegment()
    {
        var drafts = Evaluate(Call().WithTranscript(
            (Speaker.Agent, 2, "This call may be recorded for quality and training purposes."),
            (Speaker.Customer, 130, "If this is not fixed today I want to speak to a lawyer."),
            (Speaker.Agent, 135, "I understand.")));

        var draft = Assert.Single(drafts);
        Assert.Equal((FlagKind.Keyword, true, "closing"), (draft.Kind, draft.Urgent, draft.Focus.Criterion.Id));
        var finding = draft.Finding!;
        Assert.Equal(("If this is not fixed today I want to speak to a lawyer.", "00:02:10", "legal threat"), (finding.Quote, finding.Offset, finding.Label));
        Assert.Equal(["keyword: legal threat: the customer said \"speak to a lawyer\" at 00:02:10 (similarity 100%)"], draft.Reasons);
    }

    [Fact]
    public void KeywordSaidByTheWrongSpeakerOrNotAtAllRaisesNothing()
    {
        Assert.Empty(Evaluate(Call().WithTranscript(
            (Speaker.Agent, 2, "This call may be recorded for quality and training purposes. You never need to speak to a lawyer for this."))));
    }

    [Fact]
    public void ReviewSeverityKeywordIsNotUrgent()
    {
        var rubric = Scripted(KeywordSeverity.Review);
        var call = new ScoredCallBuilder(rubric).WithTranscript(
            (Speaker.Agent, 2, "This call may be recorded for quality and training purposes."),
            (Speaker.Customer, 30, "I will sue you")).Build();

        var draft = Assert.Single(FlagRules.Evaluate(rubric, call, AgentHistory.Empty));

        Assert.Equal((FlagKind.Keyword, false), (draft.Kind, draft.Urgent));
    }

    [Fact]
    public void WithoutATranscriptNothingChanges()
    {
        var plain = new RubricBuilder().Build();
        var failing = Call().Scoring("disclosure", 40m).Scoring("empathy", 45m).WithOverall(60m);

        var scripted = Evaluate(failing);
        var before = FlagRules.Evaluate(plain, new ScoredCallBuilder(plain).Scoring("disclosure", 40m).Scoring("empathy", 45m).WithOverall(60m).Build(),
            AgentHistory.Empty);

        Assert.Empty(Evaluate(Call()));
        Assert.Equal(before.Select(d => (d.Kind, d.Urgent, d.Focus.Criterion.Id, string.Join("|", d.Reasons))),
            scripted.Select(d => (d.Kind, d.Urgent, d.Focus.Criterion.Id, string.Join("|", d.Reasons))));
        Assert.All(scripted, d => Assert.Null(d.Finding));
    }

    [Fact]
    public void ThePlanCarriesTheFindingAndQuotesItWhenQaGaveNoEvidence()
    {
        var call = Call().WithTranscript((Speaker.Agent, 50, "This call may be recorded for quality and training purposes.")).Build();
        var draft = Assert.Single(FlagRules.Evaluate(_rubric, call, AgentHistory.Empty));

        var plan = ActionPlanBuilder.Build(draft, call, 25, Moments.Now);

        Assert.Same(draft.Finding, plan.Transcript);
        Assert.Equal(("This call may be recorded for quality and training purposes.", "00:00:50"), (plan.Quote, plan.QuoteOffset));
    }
}
