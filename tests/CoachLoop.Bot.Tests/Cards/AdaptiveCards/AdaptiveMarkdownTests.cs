using CoachLoop.Bot.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

public sealed class AdaptiveMarkdownTests
{
    [Theory]
    [InlineData("*the* fee", @"\*the\* fee")]
    [InlineData("**done**", @"\*\*done\*\*")]
    [InlineData("_policy_", @"\_policy\_")]
    [InlineData("see [terms](https://example.com)", @"see \[terms\](https://example.com)")]
    [InlineData("`rm -rf`", @"\`rm -rf\`")]
    [InlineData("~~gone~~", @"\~\~gone\~\~")]
    [InlineData("# Title", @"\# Title")]
    [InlineData("- first", @"\- first")]
    [InlineData("  + indented", @"  \+ indented")]
    [InlineData("> quoted", @"\> quoted")]
    [InlineData("===", @"\===")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("3.", @"3\.")]
    [InlineData("fine\n2. second\n- third", "fine\n2\\. second\n\\- third")]
    [InlineData(@"C:\*", @"C:\\\*")]
    public void MarkdownIsEscapedSoItReadsAsTyped(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveMarkdown.Neutralise(text));
    }

    [Theory]
    [InlineData("Ana's call, 2 min. Score 45 - below 60 (threshold).")]
    [InlineData("2026-11-20 at 10:02 UTC")]
    [InlineData("1.5 points lower than last week")]
    [InlineData("well-known + widely used > nothing")]
    [InlineData(@"C:\temp")]
    [InlineData("Müller & Søn <billing>")]
    [InlineData("")]
    public void PlainTextComesOutUnchanged(string text)
    {
        Assert.Equal(text, AdaptiveMarkdown.Neutralise(text));
    }
}
