using System.Text;
using CoachLoop.Bot.Channels.Slack;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Every Slack request is verified on its raw bytes; anything not signed right is 401 and changes nothing.</summary>
public sealed class SlackSignatureTests
{
    private static readonly string AppHomeEvent = SlackFixtures.Text("event_callback_app_home_opened_home_tab.json");

    [Fact]
    public void SignatureMatchesSlacksPublishedExample()
    {
        var vector = SlackFixtures.Json("slash_command_signature_vector.json");
        var headers = vector["headers"]!;
        var body = Encoding.UTF8.GetBytes(vector["raw_body"]!.GetValue<string>());
        Assert.Equal(SlackFixtures.Text("slash_command_form_body.txt"), vector["raw_body"]!.GetValue<string>());

        var signature = SlackSignature.Compute(vector["signing_secret"]!.GetValue<string>(), headers["X-Slack-Request-Timestamp"]!.GetValue<string>(), body);

        Assert.Equal(headers["X-Slack-Signature"]!.GetValue<string>(), signature);
        Assert.True(SlackSignature.IsValid([vector["signing_secret"]!.GetValue<string>()], "1531420618", signature, body,
            DateTimeOffset.FromUnixTimeSeconds(1531420618 + 60), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void SlacksPublishedExampleIsRefusedOnceItIsOlderThanFiveMinutes()
    {
        var vector = SlackFixtures.Json("slash_command_signature_vector.json");
        var body = Encoding.UTF8.GetBytes(vector["raw_body"]!.GetValue<string>());
        var signature = vector["headers"]!["X-Slack-Signature"]!.GetValue<string>();

        Assert.False(SlackSignature.IsValid([vector["signing_secret"]!.GetValue<string>()], "1531420618", signature, body,
            DateTimeOffset.FromUnixTimeSeconds(1531420618 + 301), TimeSpan.FromMinutes(5)));
        Assert.False(SlackSignature.IsValid([vector["signing_secret"]!.GetValue<string>()], "1531420618", signature, body,
            DateTimeOffset.FromUnixTimeSeconds(1531420618 - 301), TimeSpan.FromMinutes(5)));
    }

    public static TheoryData<string> BadRequests => ["no signature", "wrong secret", "six minutes old", "body altered after signing", "unknown version"];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task RejectsBadlySignedRequestsWith401AndProcessesNothing(string how)
    {
        await using var slack = await SlackHost.StartAsync();
        var request = how switch
        {
            "no signature" => SlackSigner.Json("/slack/events", AppHomeEvent, slack.Now, secret: null),
            "wrong secret" => SlackSigner.Json("/slack/events", AppHomeEvent, slack.Now, secret: "not-the-signing-secret"),
            "six minutes old" => SlackSigner.Json("/slack/events", AppHomeEvent, slack.Now.AddMinutes(-6)),
            _ => SlackSigner.Json("/slack/events", AppHomeEvent, slack.Now),
        };
        if (how == "body altered after signing")
        {
            request.Content = new StringContent(AppHomeEvent.Replace("U061F7AUR", "U0MORGAN", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }
        else if (how == "unknown version")
        {
            var signature = request.Headers.GetValues(SlackSignature.SignatureHeader).Single();
            request.Headers.Remove(SlackSignature.SignatureHeader);
            request.Headers.Add(SlackSignature.SignatureHeader, "v1=" + signature[3..]);
        }

        var response = await slack.SendAsync(request);
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.InboundEvents.CountAsync()));
        Assert.Empty(slack.Fake.Calls);
    }

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/commands")]
    public async Task EveryRequestUrlRejectsAnUnsignedRequest(string path)
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Form(path, "payload=%7B%7D&command=%2Fcoach&text=help", slack.Now, secret: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsRequestsSignedWithThePreviousSecretDuringARotation()
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", SlackFixtures.Text("url_verification.json"), slack.Now, SlackSigner.OldSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlackEndpointsDoNotExistWhenSlackIsNotConfigured()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        using var client = app.CreateClient();

        var response = await client.SendAsync(SlackSigner.Json("/slack/events", SlackFixtures.Text("url_verification.json"), app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheBotTokenAndSigningSecretsNeverAppearInTheLogs()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 200, """{"ok":false,"error":"invalid_auth"}""");
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();
        await slack.SendAsync(SlackSigner.Json("/slack/events", AppHomeEvent, slack.Now, secret: "wrong"));

        Assert.NotEmpty(slack.Logs.Lines);
        Assert.Contains(slack.Logs.Lines, l => l.Contains("invalid_auth", StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Logs.Lines, l => l.Contains(SlackSigner.BotToken, StringComparison.Ordinal)
            || l.Contains(SlackSigner.Secret, StringComparison.Ordinal) || l.Contains(SlackSigner.OldSecret, StringComparison.Ordinal));
    }
}
