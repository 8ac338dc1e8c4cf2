namespace CoachLoop.Engine.Tests.Transcripts;

public sealed class PhraseMatcherTests
{
    private const string Disclosure = "this call may be recorded for quality and training purposes";

    private static (PhraseMatch Within, PhraseMatch Anywhere) Match(string phrase, params (Speaker, int, string)[] segments)
    {
        var index = new TranscriptIndex(new Transcript(segments.Select(s => new TranscriptSegment(s.Item1, TimeSpan.FromSeconds(s.Item2), s.Item3)).ToList()));
        var words = index.For(SpeakerScope.Agent);
        return new PhraseMatcher().Match(new CompiledPhrase(phrase), index, words, words.Ids.Length);
    }

    [Fact]
    public void SpeechRecognitionErrorsStillMatch()
    {
        var (_, match) = Match(Disclosure, (Speaker.Agent, 2, "Hi, this call maybe record it for quality and training purpose."));

        // "maybe" = "may be" (joined, 0), "record" = "recorded" (stemmed, 0), "it" is one extra word (1), and "purpose" /
        // "purposes" stem to "purpose" / "purpos", one edit in seven characters (1/7): 1 - (1 + 1/7) / 10.
        Assert.Equal(1 - (1 + 1 / 7.0) / 10, match.Similarity, 5);
        Assert.True(match.Similarity >= 0.8);
    }

    [Fact]
    public void MisheardWordCostsItsCharacterDistance()
    {
        var (_, match) = Match(Disclosure, (Speaker.Agent, 2, "this call may be recordid for quality and training purposes"));

        // "recordid" against "record" (stemmed "recorded"): 2 edits in 8 characters is not near-equal, so it costs 1: 1 - 1/10.
        Assert.Equal(0.9, match.Similarity, 5);
    }

    [Fact]
    public void ExactWordingScoresOneRegardlessOfCaseAndPunctuation()
    {
        var (_, match) = Match(Disclosure, (Speaker.Agent, 2, "THIS call -- may be recorded, for quality and training purposes!"));

        Assert.Equal(1.0, match.Similarity, 6);
    }

    [Fact]
    public void AParaphraseDoesNotMatch()
    {
        var (_, match) = Match(Disclosure, (Speaker.Agent, 2, "we might keep a copy of this conversation to train our staff"));

        Assert.True(match.Similarity < 0.8, $"similarity {match.Similarity}");
    }

    [Fact]
    public void MatchRunsAcrossSegmentBoundaries()
    {
        var (_, match) = Match(Disclosure, (Speaker.Agent, 2, "thanks for calling, this call may be"), (Speaker.Agent, 5, "recorded for quality and training purposes"));

        Assert.Equal(1.0, match.Similarity, 6);
        Assert.Equal(3, match.FirstWord);
    }

    [Fact]
    public void OneWordHeardAsTwoStillMatches()
    {
        var (_, match) = Match("please leave a voicemail", (Speaker.Agent, 2, "please leave a voice mail"));

        Assert.Equal(1.0, match.Similarity, 6);
    }

    [Fact]
    public void NumbersAreWordsOrDigitsButNeverNearEqual()
    {
        Assert.Equal(1.0, Match("you have thirty days to cancel", (Speaker.Agent, 1, "you have 30 days to cancel")).Anywhere.Similarity, 6);
        Assert.True(Match("you have thirty days to cancel", (Speaker.Agent, 1, "you have 38 days to cancel")).Anywhere.Similarity < 0.9);
    }

    [Fact]
    public void WithinReportsTheBestMatchStartingInTheLeadingWords()
    {
        var index = new TranscriptIndex(new Transcript(
        [
            new(Speaker.Agent, TimeSpan.FromSeconds(2), "hello how can I help"),
            new(Speaker.Agent, TimeSpan.FromSeconds(45), Disclosure),
        ]));
        var words = index.For(SpeakerScope.Agent);
        var within = words.CountWithin(index.Segments, TimeSpan.FromSeconds(30));

        var (inside, anywhere) = new PhraseMatcher().Match(new CompiledPhrase(Disclosure), index, words, within);

        Assert.Equal(5, within);
        Assert.Equal(1.0, anywhere.Similarity, 6);
        Assert.True(inside.Similarity < 0.5, $"{inside}");
    }

    [Theory]
    [InlineData("recorded", "recordid", 0.125f)]
    [InlineData("quality", "qualiti", 1 / 7f)]
    [InlineData("training", "trading", 1f)]
    [InlineData("may", "maybe", 1f)]
    [InlineData("may", "may", 0f)]
    [InlineData("30", "38", 1f)]
    [InlineData("abcdefgh", "xbcdefgy", 1f)]
    public void WordCostIsTheCharacterDistanceOfNearEqualWordsElseOne(string a, string b, float cost) =>
        Assert.Equal(cost, WordSimilarity.Cost(a, b), 4);
}
