using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// A fresh host per test over its own real SQLite file (or PostgreSQL database), with the real
/// authentication pipeline and a clock the test moves.
/// </summary>
public sealed class CoachLoopApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private CoachLoopApp(TestDatabase database) => _database = database;

    public ManualClock Clock { get; } = new();

    public TestDatabase Database => _database;

    public static async Task<CoachLoopApp> StartAsync(bool seed = true, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var app = new CoachLoopApp(await TestDatabase.CreateAsync(provider));
        _ = app.Server; // builds the host and runs the start-up migration
        if (seed)
        {
            await app.SeedAsync();
        }

        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
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

    /// <summary>A client carrying a freshly created API key.</summary>
    public async Task<HttpClient> CreateApiClientAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("tests");
        var client = CreateClient();
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
        await _database.DisposeAsync();
    }
}
