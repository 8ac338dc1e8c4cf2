using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Backfill;

/// <summary>
/// The flags of <see cref="Count"/> generated calls posted one by one to <c>POST /api/v1/scored-calls</c> over loopback HTTP, in
/// call-time order (as a QA system posts calls as they are scored), on a fresh database: what an import of the same calls, whose
/// file is in no order, must come to. Computed once for the tests that compare against it. (Posted out of time order the flags
/// differ: a call arriving after later ones changes streaks and closes flags differently, which is why the import sorts.)
/// </summary>
public sealed class OneByOneFlags : IAsyncLifetime
{
    public const int Count = 2000;

    public List<JsonObject> Calls { get; } = Support.Backfill.Calls(Count);

    public List<string> Flags { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();
        foreach (var call in Calls.OrderBy(c => (string)c["callTime"]!, StringComparer.Ordinal))
        {
            using var response = await api.PostAsJsonAsync("/api/v1/scored-calls", call);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Flags = await app.WithDbAsync(Support.Backfill.FlagsAsync);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
