namespace CoachLoop.Engine.Tests.Transcripts;

public sealed class ScriptValidationTests
{
    [Fact]
    public void ScriptChecksAndTriggersAreRefusedFieldByField()
    {
        var definition = new RubricBuilder()
            .Replacing(DemoCriteria.Empathy with { ScriptCheck = new ScriptCheck(["hello"]) })
            .Replacing(DemoCriteria.Disclosure with { ScriptCheck = new ScriptCheck(["...", ""], WithinSeconds: 0, MinSimilarity: 1.5m) })
            .Replacing(DemoCriteria.Closing with { KeywordTriggers = [new KeywordTrigger("", [], (SpeakerScope)9, (KeywordSeverity)7)] })
            .Definition();

        var errors = RubricValidator.Validate(definition).Select(e => e.Field).ToList();

        Assert.Equal(
        [
            "criteria[1].scriptCheck",
            "criteria[3].scriptCheck.phrases[0]", "criteria[3].scriptCheck.phrases[1]", "criteria[3].scriptCheck.withinSeconds",
            "criteria[3].scriptCheck.minSimilarity",
            "criteria[4].keywordTriggers[0].label", "criteria[4].keywordTriggers[0].phrases", "criteria[4].keywordTriggers[0].severity",
            "criteria[4].keywordTriggers[0].speaker",
        ], errors);
    }

    [Fact]
    public void TranscriptSegmentsAreRefusedFieldByField()
    {
        var call = new ScoredCallBuilder().Build() with
        {
            Transcript = new Transcript(
            [
                new(Speaker.Agent, TimeSpan.Zero, "fine"),
                new((Speaker)5, TimeSpan.FromSeconds(-1), " "),
                new(Speaker.Customer, TimeSpan.Zero, new string('x', ScoredCallLimits.SegmentText + 1)),
            ]),
        };

        var errors = ScoredCallValidator.Validate(call, new RubricBuilder().Build(), agentKnown: true, Moments.Now).Select(e => e.Field);

        Assert.Equal(["transcript.segments[2].text", "transcript.segments[1].speaker", "transcript.segments[1].start", "transcript.segments[1].text"], errors);
    }

    [Fact]
    public void ATranscriptIsPartOfTheCallsFingerprint()
    {
        var call = new ScoredCallBuilder().Build();
        var with = call with { Transcript = new Transcript([new(Speaker.Agent, TimeSpan.Zero, "hello")]) };

        Assert.NotEqual(CallFingerprint.Compute(call), CallFingerprint.Compute(with));
    }
}
