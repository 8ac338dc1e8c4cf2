using System.Text.Json;
using CoachLoop.Bot.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Webhooks;

/// <summary>Subscribing receivers over the API and reading the delivery log, for the webhook tests.</summary>
internal static class Hooks
{
    public static readonly string[] AllEvents =
        ["flag.raised", "practice.approved", "session.logged", "flag.resolved", "flag.dismissed", "dispute.opened", "dispute.decided", "followup.recorded"];

    /// <summary>Subscribes the receiver (with a generated secret, which the receiver then verifies with): the subscription id.</summary>
    public static async Task<Guid> SubscribeAsync(CoachLoopApp app, WebhookReceiver receiver, params string[] events)
    {
        var admin = await app.CreateApiClientAsync(admin: true);
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = events.Length == 0 ? AllEvents : events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        receiver.Secret = body.GetProperty("secret").GetString()!;
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(CoachLoopApp app, Guid subscription)
    {
        var admin = await app.CreateApiClientAsync(admin: true);
        var response = await admin.GetAsync($"/api/v1/webhooks/{subscription}/deliveries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray()];
    }

    public static Task<int> DispatchOnceAsync(CoachLoopApp app) => app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
