using AngleSharp.Html.Parser;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Email;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.Email;

/// <summary>The email renderer: every part of any card in both the HTML and the text, data never read as markup, buttons as links.</summary>
public sealed class EmailCardRendererTests
{
    private static readonly Uri Web = new("https://coachloop.test/web/");

    [Fact]
    public void EveryPartOfAFullCardIsInTheHtmlAndTheText()
    {
        var card = SampleCards.Full() with
        {
            Rows = [new CardRow("Waiting for practice approval (1)", "Ana Ruiz", "Empathy 45 / 60", [SampleCards.Action(CardVerbs.ApprovePractice, "Approve")])],
            History = [new CardHistoryEntry("Practice approved", "Morgan Lee", new DateTimeOffset(2026, 11, 20, 10, 2, 0, TimeSpan.Zero))],
        };

        var email = EmailCardRenderer.Render(card, _ => Web);

        var document = new HtmlParser().ParseDocument(email.Html);
        var shown = document.Body!.TextContent;
        var parts = new List<string> { card.Title, card.Subtitle!, card.Quote!.Text, card.Status!, "Ana Ruiz", "Empathy 45 / 60", "Waiting for practice approval (1)", "Practice approved" };
        parts.AddRange(card.Facts.SelectMany(f => new[] { f.Label, f.Value }));
        parts.AddRange(card.Sections.SelectMany(s => new[] { s.Heading, s.Text }));
        Assert.All(parts, p => Assert.Contains(p, shown, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.Contains(p, email.Text, StringComparison.Ordinal));
        Assert.StartsWith("URGENT", email.Subject, StringComparison.Ordinal);
        var titles = card.Actions.Select(a => a.Title).Prepend("Approve").ToList();
        Assert.Equal(titles, document.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.Equal(Web.AbsoluteUri, a.GetAttribute("href")));
        Assert.Contains($"Approve: {Web.AbsoluteUri}", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextFromDataIsNeverMarkupAndAnActionWithoutALinkIsNamedAsText()
    {
        var card = SampleCards.Minimal() with
        {
            Title = "<script>alert(1)</script> & co",
            Rows = [new CardRow("Group", "<b>Ana</b>", "\"quoted\" <img src=x onerror=alert(1)>", [SampleCards.Action(CardVerbs.ApprovePractice, "Approve")])],
        };

        var email = EmailCardRenderer.Render(card, _ => null);

        var document = new HtmlParser().ParseDocument(email.Html);
        Assert.Empty(document.QuerySelectorAll("script, img, b, a"));
        Assert.Contains("<script>alert(1)</script> & co", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>Ana</b>", document.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approve (in chat)", document.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approve: in chat", email.Text, StringComparison.Ordinal);
    }
}
