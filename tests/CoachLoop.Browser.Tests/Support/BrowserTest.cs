namespace CoachLoop.Browser.Tests.Support;

/// <summary>
/// A fresh host per test (its own database and demo directory), an API client with a key, and browser contexts that are
/// closed after the test. Each test calls <see cref="StartAsync"/> first, so a missing browser skips (or fails) before
/// anything is started.
/// </summary>
[Collection(BrowserSuite.Name)]
public abstract class BrowserTest(BrowserFixture browsers) : IAsyncLifetime
{
    private readonly List<WebChannelPage> _pages = [];
    private WebChannelHost? _host;
    private HttpClient? _api;

    protected WebChannelHost Host => _host ?? throw new InvalidOperationException("Call StartAsync first.");

    protected HttpClient Api => _api ?? throw new InvalidOperationException("Call StartAsync first.");

    protected async Task StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _ = browsers.Browser;
        _host = WebChannelHost.Start(settings);
        _api = await _host.CreateApiClientAsync();
    }

    /// <summary>Opens the web channel in a new browser context (its own session) and picks who clicks.</summary>
    protected async Task<WebChannelPage> OpenAsAsync(string person, int width = 1440, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await WebChannelPage.OpenAsync(browsers.Browser, Host, width, colorScheme);
        _pages.Add(page);
        await page.ActAsAsync(person);
        return page;
    }

    protected static string NewCallId() => "browser-" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        _api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
