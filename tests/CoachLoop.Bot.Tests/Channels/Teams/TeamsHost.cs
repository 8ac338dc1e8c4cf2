using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Teams.Handlers;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>A CoachLoop host with the Teams channel on, its test issuer and fake connector, and a record of which handler ran.</summary>
public sealed class TeamsHost : IAsyncDisposable
{
    private TeamsHost(CoachLoopApp app, TestIssuer issuer, FakeConnector connector, Recorder recorder)
    {
        App = app;
        Issuer = issuer;
        Connector = connector;
        Handled = recorder.Names;
        Chat = new Chat(app);
    }

    public CoachLoopApp App { get; }
    public TestIssuer Issuer { get; }
    public FakeConnector Connector { get; }
    public Chat Chat { get; }
    public System.Collections.Concurrent.ConcurrentQueue<string> Handled { get; }

    /// <param name="governmentCloud">The test issuer's metadata serves as the US Government cloud's and the connector is a Government service URL.</param>
    public static async Task<TeamsHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, bool governmentCloud = false)
    {
        var issuer = await TestIssuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TestIssuer.AppId,
            ["Teams:AppPassword"] = TestIssuer.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = issuer.MetadataUrl,
            ["Teams:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrl,
            ["Teams:TokenEndpoint"] = issuer.TokenEndpoint,
            ["Teams:RequireHttpsMetadata"] = "false",
            ["Teams:DefaultServiceUrl"] = connector.ServiceUrl,
            ["Teams:TrustedServiceUrls:0"] = connector.ServiceUrl,
        };
        if (governmentCloud)
        {
            settings["Teams:GovernmentOpenIdMetadataUrl"] = issuer.MetadataUrl;
            settings["Teams:GovernmentServiceUrls:0"] = connector.ServiceUrl;
        }

        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var recorder = new Recorder();
        var app = await CoachLoopApp.StartAsync(settings: settings, services: s => s.AddSingleton<ITeamsDispatchObserver>(recorder));
        return new TeamsHost(app, issuer, connector, recorder);
    }

    public string Token(string? serviceUrl = null) => TestIssuer.Mint(App.Clock.GetUtcNow(), serviceUrl ?? Connector.ServiceUrl, Issuer.CurrentKey);

    /// <summary>Posts an activity to /api/messages with a valid channel token unless another (or none) is given.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "", bool withToken = true)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json.Raw(activity.ToJsonString()) };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token is "" ? Token((string?)activity["serviceUrl"]) : token);
        }

        return await client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    private sealed class Recorder : ITeamsDispatchObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Names { get; } = new();

        public void Handled(string handler, Activity activity) => Names.Enqueue(handler);
    }
}
