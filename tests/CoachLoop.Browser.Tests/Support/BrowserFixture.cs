namespace CoachLoop.Browser.Tests.Support;

/// <summary>
/// One headless Debian Chromium for the whole browser collection (each test opens its own contexts). Playwright cannot download
/// browsers here, so it drives the system one: <c>COACHLOOP_CHROMIUM</c>, else /usr/bin/chromium. Without it the tests skip,
/// unless <c>COACHLOOP_BROWSER_TESTS=1</c> (scripts/test.sh sets it), when they fail: CI must never pass by skipping them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string RequireVariable = "COACHLOOP_BROWSER_TESTS";
    public const string ChromiumVariable = "COACHLOOP_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _unavailable = "";

    public async Task InitializeAsync()
    {
        // Generous: CI machines have two cores, and a card waits for the outbox and the page's next one-second poll.
        SetDefaultExpectTimeout(20_000);
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(path))
        {
            _unavailable = $"Chromium was not found at {path} (set {ChromiumVariable}, or apt-get install chromium)";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            // The machines reach only package registries: without these Chromium keeps trying to phone home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The browser, or a skip (a failure when browser tests are required) naming what is missing.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
            {
                return _browser;
            }

            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                Assert.Fail($"{_unavailable}; {RequireVariable}=1 says the browser tests must run.");
            }

            throw new SkipException($"{_unavailable}; browser tests skipped (set {RequireVariable}=1 to make this a failure).");
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
