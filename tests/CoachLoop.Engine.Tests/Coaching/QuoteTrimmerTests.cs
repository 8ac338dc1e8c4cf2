namespace CoachLoop.Engine.Tests.Coaching;

public sealed class QuoteTrimmerTests
{
    private const string Ellipsis = "\u2026";

    private static string Words(string prefix, int from, int to) =>
        string.Join(' ', Enumerable.Range(from, to - from + 1).Select(i => $"{prefix}{i}"));

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void QuoteOfUpToFortyWordsIsUnchanged(int wordsAfter)
    {
        var quote = Quotes.Around(20, wordsAfter);

        var trimmed = QuoteTrimmer.Trim(quote, Quotes.FailingSentence);

        Assert.Equal(20 + 6 + wordsAfter, QuoteTrimmer.CountWords(quote));
        Assert.Equal(quote, trimmed);
    }

    [Fact]
    public void QuoteOfFortyOneWordsIsTrimmedToFortyAroundTheFailingSentence()
    {
        var quote = Quotes.Around(20, 15);

        var trimmed = QuoteTrimmer.Trim(quote, Quotes.FailingSentence);

        Assert.Equal(41, QuoteTrimmer.CountWords(quote));
        Assert.Equal(40, QuoteTrimmer.CountWords(trimmed));
        Assert.Equal(40, Quotes.SpaceSeparatedWords(trimmed));
        Assert.Contains(Quotes.FailingSentence, trimmed, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingSentenceInTheMiddleIsCentredWithEllipsesOnBothCutEnds()
    {
        // 30 words, the 6-word sentence, 30 words: 34 spare words split 17 before and 17 after.
        var trimmed = QuoteTrimmer.Trim(Quotes.Around(30, 30), Quotes.FailingSentence);

        var expected = $"{Ellipsis}{Words("b", 14, 29)} b30. {Quotes.FailingSentence} {Words("a", 1, 16)} a17{Ellipsis}";
        Assert.Equal(expected, trimmed);
        Assert.Equal(40, Quotes.SpaceSeparatedWords(trimmed));
    }

    [Fact]
    public void FailingSentenceAtTheEndKeepsTheWordsBeforeIt()
    {
        var trimmed = QuoteTrimmer.Trim(Quotes.Around(50, 0), Quotes.FailingSentence);

        Assert.Equal($"{Ellipsis}{Words("b", 17, 49)} b50. {Quotes.FailingSentence}", trimmed);
    }

    [Fact]
    public void FailingSentenceAtTheStartKeepsTheWordsAfterIt()
    {
        var trimmed = QuoteTrimmer.Trim(Quotes.Around(0, 50), Quotes.FailingSentence);

        Assert.Equal($"{Quotes.FailingSentence} {Words("a", 1, 33)} a34{Ellipsis}", trimmed);
    }

    [Fact]
    public void FailingSentenceMissingFromTheQuoteFallsBackToTheFirstFortyWords()
    {
        var trimmed = QuoteTrimmer.Trim(Quotes.Filler(50), "Words that were never said.");

        Assert.Equal($"{Words("w", 1, 39)} w40{Ellipsis}", trimmed);
    }

    [Fact]
    public void WithoutAFailingSentenceTheQuoteIsTrimmedAroundItsFirstSentence()
    {
        var trimmed = QuoteTrimmer.Trim("Thanks for holding. " + Quotes.Filler(50));

        Assert.Equal($"Thanks for holding. {Words("w", 1, 36)} w37{Ellipsis}", trimmed);
    }

    [Fact]
    public void FailingSentenceLongerThanTheLimitKeepsItsFirstFortyWords()
    {
        var longSentence = Quotes.Filler(60);

        var trimmed = QuoteTrimmer.Trim("Okay then. " + longSentence, longSentence);

        Assert.Equal($"{Ellipsis}{Words("w", 1, 39)} w40{Ellipsis}", trimmed);
    }

    [Fact]
    public void SmallerLimitIsHonoured()
    {
        var trimmed = QuoteTrimmer.Trim(Quotes.Around(10, 10), Quotes.FailingSentence, maxWords: 8);

        Assert.Equal($"{Ellipsis}b10. {Quotes.FailingSentence} a1{Ellipsis}", trimmed);
    }

    [Fact]
    public void LimitBelowOneWordIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteTrimmer.Trim("Hello there.", maxWords: 0));

    [Fact]
    public void WordsAreCountedAcrossAnyWhitespace() => Assert.Equal(4, QuoteTrimmer.CountWords(" one\ttwo\n three  four "));

    [Fact]
    public void ShortQuoteComesBackWithSingleSpaces() =>
        Assert.Equal("I hear you. Let me check.", QuoteTrimmer.Trim("I hear  you.\nLet me check. "));
}
