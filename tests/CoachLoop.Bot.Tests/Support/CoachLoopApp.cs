using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// A fresh host per test over its own real SQLite file (or PostgreSQL database), with the real
/// authentication pipeline and a clock the test moves.
/// </summary>
public sealed class CoachLoopApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private CoachLoopApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
    }

    private bool _ownsDatabase = true;

    public ManualClock Clock { get; } = new();

    public TestDatabase Database => _database;

    /// <summary>Where a host started with <c>kestrel: true</c> listens, e.g. http://127.0.0.1:41234/; null on the in-memory server.</summary>
    public Uri? Address { get; private set; }

    /// <param name="settings">Configuration overrides, e.g. <c>["WebChannel:Enabled"] = "true"</c>.</param>
    /// <param name="services">Extra registrations, e.g. a recording card sender.</param>
    /// <param name="database">An existing database to share with another host (not disposed by this one).</param>
    public static async Task<CoachLoopApp> StartAsync(bool seed = true, DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TestDatabase? database = null,
        DateTimeOffset? now = null, bool clockRuns = false, bool kestrel = false)
    {
        var app = new CoachLoopApp(database ?? await TestDatabase.CreateAsync(provider), settings, services) { _ownsDatabase = database is null };
        app.Clock.Set(now ?? ManualClock.DefaultStart);
        if (clockRuns)
        {
            app.Clock.Run();
        }

        if (kestrel)
        {
            // Real HTTP on a free loopback port, for tests of what only a real server and client do to a request.
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            app.Address = new Uri(addresses.Single().TrimEnd('/') + "/");
        }
        else
        {
            _ = app.Server; // builds the host and runs the start-up migration
        }
        if (seed)
        {
            await app.SeedAsync();
        }

        return app;
    }

    /// <summary>
    /// Starts a host that must refuse to start over its settings, and returns the validation failure. WebApplicationFactory's
    /// deferred host sometimes reads the services of the host that failed after it was disposed, and throws that
    /// ObjectDisposedException instead of the failure (a race in the factory, seen once in CI): such a
    /// start is tried again, up to three times. A host that starts fails the test.
    /// </summary>
    public static async Task<OptionsValidationException> RefusedStartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var started = await StartAsync(settings: settings);
            }
            catch (OptionsValidationException refused)
            {
                return refused;
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The host started, though its settings should have stopped it.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A test that needs the Development-only tools says so with this test-only setting.
        builder.UseEnvironment(_settings.TryGetValue("Test:Environment", out var environment) && environment is not null ? environment : "Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Scheduling:Enabled", "false");
        // The import worker wakes at once for an import posted to this host; its poll for other hosts' imports would be SQL
        // in the middle of tests that count a host's SQL. A test of two hosts sets its own.
        builder.UseSetting("Intake:Backfill:PollInterval", "00:10:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var actor = Actor.System("test");
        var rubric = await scope.ServiceProvider.GetRequiredService<RubricStore>().CreateVersionAsync(Samples.Rubric(), actor);
        Assert.True(rubric.IsValid);
        var people = await scope.ServiceProvider.GetRequiredService<DirectoryStore>().UpsertAsync(Samples.People(), actor);
        Assert.Empty(people.Errors);
    }

    /// <summary>A client carrying a freshly created API key (names are unique: by default "tests-" and a random part).</summary>
    public async Task<HttpClient> CreateApiClientAsync(string? name = null, bool admin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>()
            .CreateAsync(name ?? "tests-" + Guid.NewGuid().ToString("N")[..12], admin);
        var client = Address is null ? CreateClient() : new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<CoachLoopDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
