namespace CoachLoop.Browser.Tests.Support;

/// <summary>The web channel page in one browser context: who you are, the feeds you see, the status line, the cards.</summary>
public sealed class WebChannelPage
{
    private readonly List<string> _scriptErrors = [];

    private WebChannelPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // The browser also logs every HTTP error answer (the API's 400s are expected); only script errors count.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <param name="browser">The shared browser.</param>
    /// <param name="host">The host to open /web on.</param>
    /// <param name="width">Viewport width in CSS pixels (375: a phone).</param>
    /// <param name="colorScheme">The system colour scheme the page sees (prefers-color-scheme).</param>
    public static async Task<WebChannelPage> OpenAsync(IBrowser browser, WebChannelHost host, int width = 1440, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 1000 }, ColorScheme = colorScheme });
        context.SetDefaultTimeout(20_000);
        var page = new WebChannelPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(new Uri(host.Address, "web").ToString());
        await Expect(page.Page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        return page;
    }

    /// <summary>Picks who clicks, from the "Who are you?" list, by its label.</summary>
    public async Task ActAsAsync(string person)
    {
        await Page.GetByTestId("who-are-you").SelectOptionAsync(new SelectOptionValue { Label = person });
    }

    /// <summary>Shows someone else's feeds while clicking as yourself, as a forwarded card or a wrong channel would.</summary>
    public async Task LookAtFeedsOfAsync(string person)
    {
        await Page.GetByTestId("feeds-of").SelectOptionAsync(new SelectOptionValue { Label = person });
    }

    public ILocator ManagerChannel => Page.Locator("[data-testid=feed][data-feed-kind=team]");

    public ILocator DirectMessages => Page.Locator("[data-testid=feed][data-feed-kind=direct]");

    public ILocator Toast => Page.GetByTestId("toast");

    /// <summary>The open-flags view (every open flag of the teams in your channels, grouped ones included).</summary>
    public ILocator OpenFlags => Page.GetByTestId("open-flags");

    public async Task ShowOpenFlagsAsync()
    {
        await Page.GetByTestId("open-flags-button").ClickAsync();
        await Expect(OpenFlags).ToBeVisibleAsync();
    }

    public static ILocator Card(ILocator feed, string kind, string subjectId) =>
        feed.Locator($"[data-testid=card][data-kind='{kind}'][data-subject-id='{subjectId}']");

    public static ILocator Button(ILocator card, string title) =>
        card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    public void AssertNoScriptErrors() => Assert.Empty(_scriptErrors);
}
