using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachLoop.Browser.Tests;

/// <summary>The page on a phone (375 px) and in dark mode; notices that close by themselves and never cover a form.</summary>
public sealed partial class LayoutTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const int Phone = 375;

    [SkippableFact]
    public async Task At375PixelsNothingScrollsSidewaysAndTheButtonsWrap()
    {
        await StartAsync();
        var flags = await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId(), skipDisclosure: true));
        var morgan = await OpenAsAsync(People.Morgan, width: Phone);
        var card = WebChannelPage.Card(morgan.ManagerChannel, "flag", flags["empathy"]);
        await Expect(WebChannelPage.Button(card, "Approve practice")).ToBeVisibleAsync();
        await Expect(morgan.Page.Locator("#sim-criteria .criterion")).Not.ToHaveCountAsync(0);

        await AssertFitsAsync(morgan.Page, "the feeds");
        // The action bar wraps: its buttons do not all sit on one row.
        var tops = await card.Locator(".ac-pushButton").EvaluateAllAsync<double[]>("buttons => buttons.map(b => b.getBoundingClientRect().top)");
        Assert.True(tops.Distinct().Count() > 1, "the card's buttons should wrap onto more than one row at 375 px");

        await morgan.ShowOpenFlagsAsync();
        await Expect(morgan.OpenFlags.Locator("[data-testid=card]")).ToHaveCountAsync(2);
        await morgan.Page.GetByTestId("digest-now").ClickAsync();
        await Expect(morgan.Page.GetByTestId("digest-card")).ToHaveCountAsync(1);
        await AssertFitsAsync(morgan.Page, "the open flags and the digest");
        await morgan.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "web-channel-375.png"), FullPage = true });
        morgan.AssertNoScriptErrors();
    }

    /// <summary>Nothing scrolls sideways and no visible button reaches past the right edge.</summary>
    private static async Task AssertFitsAsync(IPage page, string showing)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var widest = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('button')].filter(b => b.offsetParent !== null).map(b => b.getBoundingClientRect().right))");
        Assert.True(scrollWidth <= Phone, $"showing {showing}, the page is {scrollWidth} px wide at {Phone} px");
        Assert.True(widest <= Phone, $"showing {showing}, a button reaches {widest} px");
    }

    [SkippableFact]
    public async Task DarkModeRendersThePageAndTheCardsLightOnDark()
    {
        await StartAsync();
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var dark = await OpenAsAsync(People.Morgan, colorScheme: ColorScheme.Dark);
        var light = await OpenAsAsync(People.Morgan);
        var darkCard = WebChannelPage.Card(dark.ManagerChannel, "flag", flagId);
        var lightCard = WebChannelPage.Card(light.ManagerChannel, "flag", flagId);
        await Expect(darkCard).ToContainTextAsync("Coaching: Empathy");
        await Expect(lightCard).ToContainTextAsync("Coaching: Empathy");

        var (darkPage, darkText) = await ColoursAsync(dark.Page, "body", "body");
        var (lightPage, lightText) = await ColoursAsync(light.Page, "body", "body");
        var (darkCardBg, darkCardText) = await CardColoursAsync(darkCard);
        var (lightCardBg, lightCardText) = await CardColoursAsync(lightCard);

        Assert.NotEqual(lightPage, darkPage);
        Assert.True(Luminance(darkPage) < 0.05 && Luminance(lightPage) > 0.8, $"page {darkPage} (dark) / {lightPage} (light)");
        Assert.True(Contrast(darkPage, darkText) >= 7, $"page text {darkText} on {darkPage}");
        Assert.NotEqual(lightCardBg, darkCardBg);
        Assert.True(Luminance(darkCardBg) < 0.05, $"card background {darkCardBg}");
        Assert.True(Contrast(darkCardBg, darkCardText) >= 4.5, $"card text {darkCardText} on {darkCardBg}");
        Assert.True(Contrast(lightCardBg, lightCardText) >= 4.5, $"card text {lightCardText} on {lightCardBg}");
        await dark.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "web-channel-dark.png"), FullPage = true });
        dark.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task TheStatusLineClosesByItselfAndNeverCoversTheForm()
    {
        await StartAsync();
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var morgan = await OpenAsAsync(People.Morgan, width: Phone);
        var card = WebChannelPage.Card(morgan.ManagerChannel, "flag", flagId);

        await WebChannelPage.Button(card, "Approve practice").ClickAsync();
        await Expect(morgan.Toast).ToBeVisibleAsync();
        await WebChannelPage.Button(card, "Log session").ClickAsync();
        var form = card.Locator(".ac-input").First;
        await Expect(form).ToBeVisibleAsync();

        foreach (var control in new[] { form, morgan.Page.GetByTestId("sim-submit"), morgan.Page.GetByTestId("who-are-you") })
        {
            Assert.False(Overlap(await morgan.Toast.BoundingBoxAsync(), await control.BoundingBoxAsync()), "the status line covers a form control");
        }

        await Expect(morgan.Toast).ToBeHiddenAsync();
        await Expect(card.GetByTestId("card-notice")).ToBeHiddenAsync();
        morgan.AssertNoScriptErrors();
    }

    private static bool Overlap(LocatorBoundingBoxResult? a, LocatorBoundingBoxResult? b) =>
        a is not null && b is not null && a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static async Task<(string Background, string Text)> ColoursAsync(IPage page, string backgroundOf, string textOf)
    {
        var colours = await page.EvaluateAsync<string[]>(
            "([b, t]) => [getComputedStyle(document.querySelector(b)).backgroundColor, getComputedStyle(document.querySelector(t)).color]",
            new[] { backgroundOf, textOf });
        return (colours[0], colours[1]);
    }

    /// <summary>The card's own background and the colour of its first text block.</summary>
    private static async Task<(string Background, string Text)> CardColoursAsync(ILocator card)
    {
        var colours = await card.EvaluateAsync<string[]>(
            "item => [getComputedStyle(item.querySelector('.ac-adaptiveCard')).backgroundColor, getComputedStyle(item.querySelector('.ac-textBlock')).color]");
        return (colours[0], colours[1]);
    }

    private static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    /// <summary>WCAG relative luminance of a computed colour, "rgb(r, g, b)" or "rgba(r, g, b, a)".</summary>
    private static double Luminance(string colour)
    {
        var parts = Rgb().Match(colour);
        Assert.True(parts.Success, $"not an rgb colour: {colour}");
        double Channel(int i)
        {
            var c = double.Parse(parts.Groups[i].Value, CultureInfo.InvariantCulture) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(2)) + (0.0722 * Channel(3));
    }

    [GeneratedRegex(@"rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)")]
    private static partial Regex Rgb();
}
