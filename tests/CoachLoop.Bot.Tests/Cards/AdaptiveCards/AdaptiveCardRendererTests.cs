using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>The top-level card and its body.</summary>
public sealed class AdaptiveCardRendererTests
{
    [Fact]
    public async Task MinimalCardIsAValidVersion15CardWithOnlyAHeader()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Minimal());

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)json["$schema"]);
        Assert.Equal(SampleCards.Minimal().FallbackText, (string?)json["fallbackText"]);
        var header = Assert.Single(json["body"]!.AsArray())!;
        Assert.Equal("Container", (string?)header["type"]);
        Assert.Null(header["style"]);
        Assert.Null(json["actions"]);
        Assert.Null(json["msteams"]);
        Assert.Null(json["refresh"]);
    }

    [Theory]
    [InlineData(CardTone.Default, null)]
    [InlineData(CardTone.Urgent, "attention")]
    [InlineData(CardTone.Attention, "warning")]
    [InlineData(CardTone.Good, "good")]
    public async Task EveryToneRendersAValidCardWithItsHeaderStyle(CardTone tone, string? style)
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Full(tone));

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.Equal(style, (string?)json["body"]![0]!["style"]);
    }

    [Fact]
    public void HeaderHasABolderMediumTitleAndASubtleSubtitle()
    {
        var header = AdaptiveCardRenderer.Render(SampleCards.Minimal())["body"]![0]!["items"]!.AsArray();

        Assert.Equal(2, header.Count);
        Assert.Equal("Compliance: Recorded-line disclosure", (string?)header[0]!["text"]);
        Assert.Equal("bolder", (string?)header[0]!["weight"]);
        Assert.Equal("medium", (string?)header[0]!["size"]);
        Assert.True((bool?)header[0]!["wrap"]);
        Assert.Equal("Ana Costa, call-1 on 20 Nov", (string?)header[1]!["text"]);
        Assert.True((bool?)header[1]!["isSubtle"]);
        Assert.True((bool?)header[1]!["wrap"]);
    }

    [Theory]
    [InlineData(CardTone.Urgent, "URGENT \u00b7 Compliance: Recorded-line disclosure")]
    [InlineData(CardTone.Attention, "Compliance: Recorded-line disclosure")]
    [InlineData(CardTone.Good, "Compliance: Recorded-line disclosure")]
    public void OnlyUrgentCardsReadUrgentWithoutColour(CardTone tone, string title)
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Minimal(tone));

        Assert.Equal(title, (string?)json["body"]![0]!["items"]![0]!["text"]);
    }

    [Fact]
    public void BodyRunsHeaderFactsQuoteTrendSectionsThenStatus()
    {
        var body = AdaptiveCardRenderer.Render(SampleCards.Full())["body"]!.AsArray();

        Assert.Equal(
            ["Container", "FactSet", "Container", "TextBlock", "TextBlock", "TextBlock", "TextBlock", "TextBlock", "TextBlock"],
            body.Select(e => (string?)e!["type"]));
        Assert.Equal(["Criterion", "Score", "Follow-up"], body[1]!["facts"]!.AsArray().Select(f => (string?)f!["title"]));
        Assert.Equal(["Recorded-line disclosure", "0 (threshold 100)", "27 Nov"], body[1]!["facts"]!.AsArray().Select(f => (string?)f!["value"]));
    }

    [Fact]
    public void QuoteIsItalicInTypographicQuotesOnAnEmphasisBackgroundWithItsTimestamp()
    {
        var quote = AdaptiveCardRenderer.Render(SampleCards.Full())["body"]![2]!;

        Assert.Equal("emphasis", (string?)quote["style"]);
        var items = quote["items"]!.AsArray();
        Assert.Equal("_\u201cThat's just our policy. You'll need to pay the fee by Friday.\u201d_", (string?)items[0]!["text"]);
        Assert.True((bool?)items[0]!["wrap"]);
        Assert.Equal("at 00:12:04", (string?)items[1]!["text"]);
        Assert.True((bool?)items[1]!["isSubtle"]);
    }

    [Fact]
    public async Task QuoteWithoutTimestampOrLineBreaksStaysOneItalicLine()
    {
        var card = SampleCards.Minimal() with { Quote = new("You'll need\r\n\r\nto pay.", null) };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.Equal("_\u201cYou'll need to pay.\u201d_", (string?)Assert.Single(json["body"]![1]!["items"]!.AsArray())!["text"]);
    }

    [Fact]
    public void TrendShowsTheSparklineThenTheScoresAndTheThreshold()
    {
        var card = SampleCards.Full();

        var trend = AdaptiveCardRenderer.Render(card)["body"]![3]!;

        Assert.Equal($"{card.Trend!.Sparkline}  52, 58, 47, 45 (threshold 60)", (string?)trend["text"]);
        Assert.Equal(4, card.Trend.Sparkline.Length);
    }

    [Fact]
    public void TrendKeepsFractionsAndSaysWhenThereAreNoScores()
    {
        var withFractions = SampleCards.Minimal() with { Trend = new([52.5m, 60.25m], 62.50m) };
        var empty = SampleCards.Minimal() with { Trend = new([], 60m) };

        Assert.EndsWith("  52.5, 60.25 (threshold 62.5)", (string?)AdaptiveCardRenderer.Render(withFractions)["body"]![1]!["text"]);
        Assert.Equal("No recent scores (threshold 60)", (string?)AdaptiveCardRenderer.Render(empty)["body"]![1]!["text"]);
    }

    [Fact]
    public void EachSectionIsABolderHeadingThenWrappedText()
    {
        var body = AdaptiveCardRenderer.Render(SampleCards.Full())["body"]!.AsArray();

        Assert.Equal("Expected behaviour", (string?)body[4]!["text"]);
        Assert.Equal("bolder", (string?)body[4]!["weight"]);
        Assert.Equal("State that the line is recorded within 15 seconds.", (string?)body[5]!["text"]);
        Assert.True((bool?)body[5]!["wrap"]);
        Assert.Null(body[5]!["weight"]);
        Assert.Equal("Suggested practice", (string?)body[6]!["text"]);
    }

    [Fact]
    public void StatusIsSubtleWrappedAndSeparatedAtTheEnd()
    {
        var status = AdaptiveCardRenderer.Render(SampleCards.Full())["body"]!.AsArray()[^1]!;

        Assert.Equal("Practice approved by Morgan Lee, 20 Nov 10:02 UTC", (string?)status["text"]);
        Assert.True((bool?)status["isSubtle"]);
        Assert.True((bool?)status["separator"]);
        Assert.True((bool?)status["wrap"]);
    }

    [Fact]
    public async Task UserTextIsNeutralisedEverywhereMarkdownWouldBeRead()
    {
        var card = SampleCards.Minimal() with
        {
            Subtitle = "agent_one, call_7",
            Facts = [new("Reason", "**fee** waived")],
            Quote = new("*Sigh* see [terms](https://example.com)", "00:01:02"),
            Sections = [new("Dispute reason", "1. wrong call\n- wrong agent")],
            Status = "Upheld by `admin`",
        };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var body = json["body"]!.AsArray();
        Assert.Equal(@"agent\_one, call\_7", (string?)body[0]!["items"]![1]!["text"]);
        Assert.Equal(@"\*\*fee\*\* waived", (string?)body[1]!["facts"]![0]!["value"]);
        Assert.Equal("_\u201c\\*Sigh\\* see \\[terms\\](https://example.com)\u201d_", (string?)body[2]!["items"]![0]!["text"]);
        Assert.Equal("1\\. wrong call\n\\- wrong agent", (string?)body[4]!["text"]);
        Assert.Equal(@"Upheld by \`admin\`", (string?)body[5]!["text"]);
    }

    [Fact]
    public void RenderingIsPureAndRepeatable()
    {
        var card = SampleCards.Full();

        Assert.Equal(AdaptiveCardRenderer.Render(card).ToJsonString(), AdaptiveCardRenderer.Render(card).ToJsonString());
        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(card), AdaptiveCardRenderer.Render(card)));
    }
}
