using System.Text.Json.Nodes;
using CoachLoop.Engine.People;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// A person installing CoachLoop from their browser: /slack/install on the host, Slack's (fake) authorize page, and back to
/// /slack/oauth_redirect. The browser keeps its cookies and does not follow redirects by itself, so each step can be looked at.
/// </summary>
public sealed class SlackInstallFlow(SlackHost slack) : IDisposable
{
    private readonly HttpClient _browser = slack.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    private readonly HttpClient _web = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>The authorize URL /slack/install sent the browser to.</summary>
    public async Task<Uri> StartAsync()
    {
        var started = await _browser.GetAsync(new Uri("/slack/install", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Cookie = started.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return started.Headers.Location!;
    }

    /// <summary>The install cookie the browser got ("name=nonce").</summary>
    public string Cookie { get; private set; } = "";

    /// <summary>Slack's authorize page approving <paramref name="install"/>: the redirect back to CoachLoop, with a code and the state.</summary>
    public async Task<Uri> ApproveAsync(Uri authorize, FakeSlackInstall install)
    {
        slack.Fake.Authorizing = install;
        var approved = await _web.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return approved.Headers.Location!;
    }

    /// <summary>The browser arriving back at CoachLoop.</summary>
    public Task<HttpResponseMessage> ReturnAsync(Uri back) => _browser.GetAsync(new Uri(back.PathAndQuery, UriKind.Relative));

    /// <summary>The whole flow for <paramref name="install"/>; it must succeed.</summary>
    public static async Task InstallAsync(SlackHost slack, FakeSlackInstall install)
    {
        using var flow = new SlackInstallFlow(slack);
        var back = await flow.ApproveAsync(await flow.StartAsync(), install);
        var done = await flow.ReturnAsync(back);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("CoachLoop is installed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static Dictionary<string, string> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    /// <summary>Links <paramref name="teamKey"/> to <paramref name="channel"/> in the installation <paramref name="tenant"/>.</summary>
    public static async Task LinkAsync(SlackHost slack, string teamKey, string channel, string tenant)
    {
        using var api = await slack.App.CreateApiClientAsync();
        var linked = await api.PutAsJsonAsync($"/api/v1/channels/slack/teams/{teamKey}", new { conversationId = channel, tenant });
        linked.EnsureSuccessStatusCode();
    }

    /// <summary>A third team, "north", with an agent and a manager.</summary>
    public static async Task AddNorthAsync(SlackHost slack)
    {
        await using var scope = slack.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CoachLoop.Data.Stores.DirectoryStore>().UpsertAsync(
        [
            Samples.Person("nia@example.com", "Nia Obi", PersonRole.Agent, "north", "AG-31", 20),
            Samples.Person("noel@example.com", "Noel Park", PersonRole.Manager, "north"),
        ], CoachLoop.Engine.Common.Actor.System("test"));
        Assert.Empty(result.Errors);
    }

    /// <summary>An Events API envelope from an installation, as Slack sends it (org-wide: enterprise id, authorization marked so).</summary>
    public static JsonObject Event(string eventId, JsonObject inner, string? team, string? enterprise = null, bool orgWide = false) => new()
    {
        ["token"] = "ignored", ["team_id"] = team, ["enterprise_id"] = enterprise, ["api_app_id"] = "A0FAKEAPP", ["type"] = "event_callback",
        ["event_id"] = eventId, ["event_time"] = 1700000000, ["event"] = inner,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = enterprise, ["team_id"] = orgWide ? null : team, ["user_id"] = "UBOT", ["is_bot"] = true, ["is_enterprise_install"] = orgWide,
        }),
    };

    public void Dispose()
    {
        _browser.Dispose();
        _web.Dispose();
    }
}
