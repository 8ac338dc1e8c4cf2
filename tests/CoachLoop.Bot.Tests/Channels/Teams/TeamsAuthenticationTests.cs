using CoachLoop.Bot.Channels.Teams;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

public sealed class TeamsAuthenticationTests
{
    private static JsonObject Install(TeamsHost host) => TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl);

    private static async Task AssertRejectedAsync(TeamsHost host, HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Unauthorized)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(host.Handled);
        Assert.Empty(host.Connector.Calls);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ChannelInstallations.CountAsync()));
    }

    [Fact]
    public async Task ChannelTokenFromTheIssuerIsAcceptedAndTheActivityProcessed()
    {
        await using var host = await TeamsHost.StartAsync();
        var response = await host.PostAsync(Install(host));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["installationUpdate"], host.Handled);
        Assert.Equal(1, await host.App.WithDbAsync(db => db.ChannelInstallations.CountAsync(i => i.Active)));
    }

    [Fact]
    public async Task RequestWithoutTokenIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), withToken: false));
    }

    [Fact]
    public async Task GarbledTokenIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), "not.a.jwt"));
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        var token = TestIssuer.Mint(host.App.Clock.GetUtcNow(), host.Connector.ServiceUrl, host.Issuer.CurrentKey, issuer: "https://evil.example.com");
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), token));
    }

    [Fact]
    public async Task TokenForAnotherBotIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        var token = TestIssuer.Mint(host.App.Clock.GetUtcNow(), host.Connector.ServiceUrl, host.Issuer.CurrentKey, audience: Guid.NewGuid().ToString());
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), token));
    }

    [Fact]
    public async Task ExpiredTokenIsRejectedOncePastTheClockSkew()
    {
        await using var host = await TeamsHost.StartAsync();
        var now = host.App.Clock.GetUtcNow();
        var withinSkew = TestIssuer.Mint(now, host.Connector.ServiceUrl, host.Issuer.CurrentKey, lifetime: TimeSpan.FromHours(1), age: TimeSpan.FromMinutes(64));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Install(host), withinSkew)).StatusCode);

        await using var fresh = await TeamsHost.StartAsync();
        var expired = TestIssuer.Mint(now, fresh.Connector.ServiceUrl, fresh.Issuer.CurrentKey, lifetime: TimeSpan.FromHours(1), age: TimeSpan.FromMinutes(66));
        await AssertRejectedAsync(fresh, await fresh.PostAsync(Install(fresh), expired));
    }

    [Fact]
    public async Task TokenSignedByAnUnknownKeyIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        using var stranger = TestIssuer.NewKey().Rsa;
        var token = TestIssuer.Mint(host.App.Clock.GetUtcNow(), host.Connector.ServiceUrl, new(stranger) { KeyId = "unknown-kid" });
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), token));
    }

    [Fact]
    public async Task TokenWhoseServiceUrlClaimDiffersFromTheActivityIsRejected()
    {
        await using var host = await TeamsHost.StartAsync();
        var token = host.Token("https://smba.trafficmanager.net/emea/");
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), token));
    }

    [Fact]
    public async Task KeyNotEndorsedForTeamsIsForbidden()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Issuer.Publish(TestIssuer.NewKey(), "webchat");
        await AssertRejectedAsync(host, await host.PostAsync(Install(host)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NewSigningKeyIsPickedUpByRefreshingTheKeys()
    {
        await using var host = await TeamsHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Install(host))).StatusCode);
        host.Issuer.Publish(TestIssuer.NewKey(), "msteams");
        host.App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Install(host))).StatusCode);
    }

    [Fact]
    public async Task SingleTenantBotAcceptsEntraTokensOfItsTenantOnly()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:TenantId"] = TestIssuer.TenantId });
        var now = host.App.Clock.GetUtcNow();
        var entra = $"https://sts.windows.net/{TestIssuer.TenantId}/";
        var ours = TestIssuer.Mint(now, host.Connector.ServiceUrl, host.Issuer.CurrentKey, issuer: entra, extra: new Dictionary<string, object> { ["tid"] = TestIssuer.TenantId });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Install(host), ours)).StatusCode);

        var otherTenant = TestIssuer.Mint(now, host.Connector.ServiceUrl, host.Issuer.CurrentKey, issuer: entra, extra: new Dictionary<string, object> { ["tid"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(Install(host), otherTenant)).StatusCode);
        Assert.Single(host.Handled);
    }

    [Fact]
    public async Task TenantTokenWithoutServiceUrlClaimCannotPointTheBotAtAnUntrustedServiceUrl()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:TenantId"] = TestIssuer.TenantId });
        var entra = $"https://sts.windows.net/{TestIssuer.TenantId}/";
        var tenantToken = TestIssuer.Mint(host.App.Clock.GetUtcNow(), "", host.Issuer.CurrentKey, issuer: entra,
            extra: new Dictionary<string, object> { ["tid"] = TestIssuer.TenantId }, withServiceUrlClaim: false);
        var hijack = TeamsFixtures.Load("installationUpdate-add-team.json", "https://attacker.example.com/");

        var refused = await host.PostAsync(hijack, tenantToken);
        await AssertRejectedAsync(host, refused);
        var trusted = await host.PostAsync(Install(host), tenantToken);

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.DoesNotContain(host.Connector.Calls, c => c.ToString()!.Contains("attacker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GovernmentCloudTokenIsAcceptedForAGovernmentServiceUrl()
    {
        // The test issuer acts as the Government cloud's (its metadata, the Government issuer) and the connector as a Government host.
        await using var host = await TeamsHost.StartAsync(governmentCloud: true);
        var token = TestIssuer.Mint(host.App.Clock.GetUtcNow(), host.Connector.ServiceUrl, host.Issuer.CurrentKey, issuer: TeamsOptions.GovernmentIssuer);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Install(host), token)).StatusCode);
        Assert.Equal(["installationUpdate"], host.Handled);
    }

    [Fact]
    public async Task GovernmentCloudTokenIsRejectedForAServiceUrlOutsideTheGovernmentClouds()
    {
        await using var host = await TeamsHost.StartAsync();
        var token = TestIssuer.Mint(host.App.Clock.GetUtcNow(), host.Connector.ServiceUrl, host.Issuer.CurrentKey, issuer: TeamsOptions.GovernmentIssuer);
        await AssertRejectedAsync(host, await host.PostAsync(Install(host), token));
    }

    [Fact]
    public void GovernmentCloudDefaultsAreTheBotFrameworkGovernmentEndpoints()
    {
        var options = new TeamsOptions();
        Assert.Equal("https://api.botframework.us", options.GovernmentTokenIssuer);
        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", options.GovernmentOpenIdMetadataUrl);
        Assert.True(options.IsGovernmentServiceUrl("https://smba.infra.gov.teams.microsoft.us/gcch"));
        Assert.True(options.IsGovernmentServiceUrl("https://smba.infra.dod.teams.microsoft.us/dod"));
        Assert.False(options.IsGovernmentServiceUrl("https://smba.trafficmanager.net/teams/"));
        Assert.False(options.IsGovernmentServiceUrl("https://smba.infra.gov.teams.microsoft.us.evil.example/"));
    }

    [Fact]
    public async Task DevelopmentModeRefusesRequestsThatAreNotFromLoopback()
    {
        await using var app = await Support.CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Teams:DevelopmentMode"] = "true" });
        using var client = app.CreateClient(); // the in-memory test server has no remote address, so it is not loopback
        var response = await client.PostAsync("/api/messages", Support.Json.Raw(TeamsFixtures.Load("message-personal.json").ToJsonString()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
