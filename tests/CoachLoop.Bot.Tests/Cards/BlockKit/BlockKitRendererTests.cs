using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.BlockKit;

/// <summary>The Block Kit renderer: what each part of a card becomes, escaping, and Block Kit's limits.</summary>
public sealed class BlockKitRendererTests
{
    private static string Types(BlockKitMessage message) => string.Join(",", message.Blocks.Select(b => b!["type"]!.GetValue<string>()));

    [Fact]
    public void AFullCardBecomesHeaderUrgentNoticeSubtitleFactsQuoteTrendSectionsStatusAndActions()
    {
        var message = BlockKitRenderer.Render(SampleCards.Full());

        Assert.Equal("header,context,context,section,section,context,section,section,context,actions", Types(message));
        Assert.StartsWith(":rotating_light: Compliance", message.Blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("URGENT: ", message.Text, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.MessageProblems(message.Blocks, message.Text));
    }

    [Theory]
    [InlineData(CardTone.Default, "Compliance")]
    [InlineData(CardTone.Attention, ":warning: Compliance")]
    [InlineData(CardTone.Good, ":white_check_mark: Compliance")]
    public void TheHeaderShowsTheTone(CardTone tone, string start)
    {
        var message = BlockKitRenderer.Render(SampleCards.Minimal(tone));

        Assert.StartsWith(start, message.Blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("URGENT", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UserTextCannotMentionLinkOrBroadcast()
    {
        var card = SampleCards.Full() with
        {
            Subtitle = "<!channel> <@U123> <https://evil.example|click> & co",
            Quote = new("<!here> fee & <b>", "00:01"),
            Sections = [new("Reason <!everyone>", "a > b & c < d")],
            FallbackText = "<!channel> dispute",
        };

        var message = BlockKitRenderer.Render(card);
        var json = message.Blocks.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.DoesNotContain("<!", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https", json, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; co", json, StringComparison.Ordinal);
        Assert.Contains("a &gt; b &amp; c &lt; d", json, StringComparison.Ordinal);
        Assert.Equal("URGENT: &lt;!channel&gt; dispute", message.Text);
    }

    [Fact]
    public void EscapingReplacesOnlyTheThreeControlCharactersAmpersandFirst()
    {
        Assert.Equal("&amp;lt; &lt;tag&gt; *bold* \"quoted\" 'single'", BlockKitText.Escape("&lt; <tag> *bold* \"quoted\" 'single'"));
    }

    [Fact]
    public void LongTextIsCutToBlockKitsLimitsWithoutBreakingAnEscape()
    {
        var huge = string.Concat(Enumerable.Repeat("a&b ", 2000));
        var card = SampleCards.Full() with
        {
            Title = new string('T', 400),
            Facts = [.. Enumerable.Range(0, 23).Select(i => new CardFact($"Fact {i}", huge))],
            Sections = [.. Enumerable.Range(0, 60).Select(i => new CardSection($"Section {i}", huge))],
            Quote = new(huge, "00:00:01"),
            Status = huge,
            Actions = [SampleCards.Action(CardVerbs.Resolve, new string('R', 200))],
        };

        var message = BlockKitRenderer.Render(card);

        Assert.Empty(BlockKitLimits.MessageProblems(message.Blocks, message.Text));
        Assert.Equal(50, message.Blocks.Count);
        Assert.Equal("actions", message.Blocks[^1]!["type"]!.GetValue<string>());
        Assert.All(message.Blocks.Where(b => b!["type"]!.GetValue<string>() == "section" && b["text"] is not null),
            b => Assert.Matches("(&amp;|[^&])…$|[^…]$", b!["text"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void ButtonsCarryTheVerbAndStyleAndTheActionsBlockNamesTheCardAndItsVersion()
    {
        var message = BlockKitRenderer.Render(SampleCards.Full());
        var actions = message.Blocks[^1]!;

        Assert.True(BlockKitCardRef.TryParse(actions["block_id"]!.GetValue<string>(), out var cardRef));
        Assert.Equal(new BlockKitCardRef(CardKinds.Flag, SampleCards.SubjectId, SampleCards.Version), cardRef);
        var elements = actions["elements"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["approvePractice", "swapScenario:scenario", "logSession", "dismiss"], elements.Select(e => e["action_id"]!.GetValue<string>()));
        Assert.Equal("primary", elements[0]["style"]!.GetValue<string>());
        Assert.Equal("danger", elements[3]["style"]!.GetValue<string>());
        Assert.Equal("static_select", elements[1]["type"]!.GetValue<string>());
        Assert.Equal("fee", elements[1]["initial_option"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void ACardWithoutActionsHasNoActionsBlock()
    {
        Assert.Equal("header,context", Types(BlockKitRenderer.Render(SampleCards.Minimal())));
    }

    [Fact]
    public void AFormBecomesAModalWithOneInputBlockPerInputNamedByTheInputId()
    {
        var card = SampleCards.Full();
        var action = card.Actions.Single(a => a.Verb == CardVerbs.LogSession);

        var view = BlockKitModal.Build(card, action, "coachloop.action", """{"r":"x"}""");

        Assert.Empty(BlockKitLimits.ViewProblems(view));
        var inputs = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!.AsObject()).ToList();
        Assert.Equal(["ticket", "note", "scenario", "when"], inputs.Select(i => i["block_id"]!.GetValue<string>()));
        Assert.Equal(["plain_text_input", "plain_text_input", "static_select", "datepicker"], inputs.Select(i => i["element"]!["type"]!.GetValue<string>()));
        Assert.True(inputs[0]["optional"]!.GetValue<bool>());
        Assert.True(inputs[1]["element"]!["multiline"]!.GetValue<bool>());
        Assert.Equal("ABC-1", inputs[0]["element"]!["initial_value"]!.GetValue<string>());
        Assert.Equal("2026-11-27", inputs[3]["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal("Log session", view["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void PrivateMetadataOverSlacksLimitIsRefused()
    {
        var card = SampleCards.Full();

        Assert.Throws<ArgumentException>(() => BlockKitModal.Build(card, card.Actions[^1], "c", new string('x', 3001)));
    }

    [Fact]
    public void ACardReferenceRoundTripsAndJunkIsNotOne()
    {
        var cardRef = new BlockKitCardRef("flag", Guid.NewGuid(), 12);

        Assert.True(BlockKitCardRef.TryParse(cardRef.ToString(), out var back));
        Assert.Equal(cardRef, back);
        Assert.False(BlockKitCardRef.TryParse("8KR", out _));
        Assert.False(BlockKitCardRef.TryParse("cl|flag|nope|1", out _));
    }
}
