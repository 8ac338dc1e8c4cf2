using CoachLoop.Data.Stores;
using CoachLoop.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Browser.Tests.Support;

/// <summary>
/// The real host on real Kestrel (a browser cannot reach the in-memory test server), on a free loopback port, over its own
/// SQLite file, with the demo directory seeded, the web channel on and a fast outbox, as someone trying CoachLoop would run it.
/// </summary>
public sealed class WebChannelHost : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite();

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private WebChannelHost(IReadOnlyDictionary<string, string?>? settings)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        // Port 0: Kestrel picks a free port itself, so parallel runs never collide.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the browser and the API client reach the host, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <param name="settings">Configuration overrides, e.g. <c>["WebChannel:RunDueWorkNow"] = "true"</c>.</param>
    public static WebChannelHost Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new WebChannelHost(settings);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.Address = new Uri(addresses.Single().TrimEnd('/') + "/");
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A test that needs the Development-only tools says so with this test-only setting.
        builder.UseEnvironment(_settings.TryGetValue("Test:Environment", out var environment) && environment is not null ? environment : "Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("WebChannel:Enabled", "true");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client of the real API over HTTP, carrying a freshly created API key.</summary>
    public async Task<HttpClient> CreateApiClientAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("browser-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
