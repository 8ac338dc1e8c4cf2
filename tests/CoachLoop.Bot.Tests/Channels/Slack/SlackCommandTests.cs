using System.Diagnostics;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The /coach slash command: help, my flags, team, digest now; answered in the response, fast.</summary>
public sealed class SlackCommandTests
{
    private static string Command(string user, string text) =>
        SlackFixtures.Text("slash_command_form_body.txt")
            .Replace("team_id=T1DC2JH3J", $"team_id={FakeSlackApi.Team}", StringComparison.Ordinal)
            .Replace("user_id=U2CERLKJA", $"user_id={user}", StringComparison.Ordinal)
            .Replace("command=%2Fwebhook-collect", "command=%2Fcoach", StringComparison.Ordinal)
            .Replace("text=&", $"text={Uri.EscapeDataString(text)}&", StringComparison.Ordinal);

    private static async Task<string> AskAsync(SlackHost slack, string user, string text)
    {
        var response = await slack.SendAsync(SlackSigner.Form("/slack/commands", Command(user, text), slack.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        return body.GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task SlacksSampleCommandForAnotherCommandNameIsAnsweredPolitely()
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Form("/slack/commands", SlackFixtures.Text("slash_command_form_body.txt"), slack.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("does not answer /webhook-collect", (await Json.ReadAsync(response)).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("  HELP ")]
    public async Task HelpListsTheCommands(string text)
    {
        await using var slack = await SlackHost.StartAsync();

        var answer = await AskAsync(slack, SlackHost.Ana, text);

        Assert.Contains("/coach my flags", answer, StringComparison.Ordinal);
        Assert.Contains("/coach digest now", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyFlagsListsTheAgentsOpenFlags()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());

        var answer = await AskAsync(slack, SlackHost.Ana, "my flags");

        Assert.Contains("Your open flags* (1)", answer, StringComparison.Ordinal);
        Assert.Contains("Empathy", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamShowsTheManagerWhatWaits()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());

        var answer = await AskAsync(slack, SlackHost.Morgan, "team");

        Assert.Contains("Approvals waiting* (1)", answer, StringComparison.Ordinal);
        Assert.Contains("*Ana Ruiz*", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamIsNotForAgents()
    {
        await using var slack = await SlackHost.StartAsync();

        Assert.Contains("is for managers", await AskAsync(slack, SlackHost.Ana, "team"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestNowSummarisesOpenItemsWithinThreeSeconds()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        var watch = Stopwatch.StartNew();

        var answer = await AskAsync(slack, SlackHost.Morgan, "digest now");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Contains("1 approval waiting, 0 follow-ups due, 1 open flag in your team", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSlackUserIsToldToAskForAccess()
    {
        await using var slack = await SlackHost.StartAsync();

        Assert.Contains("not linked to a CoachLoop person", await AskAsync(slack, "U0STRANGER", "my flags"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownWordsGetTheHelpWithUserTextEscaped()
    {
        await using var slack = await SlackHost.StartAsync();

        var answer = await AskAsync(slack, SlackHost.Ana, "<!channel> & more");

        Assert.Contains("`&lt;!channel&gt; &amp; more`", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SslCheckIsAnsweredWithoutASignatureAndDoesNothing()
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Form("/slack/commands", "ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G", slack.Now, secret: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(slack.Fake.Calls);
    }

    [Fact]
    public async Task ASlowSlackStillGetsAnAnswerWithinThreeSeconds()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Delays["users.info"] = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();

        var answer = await AskAsync(slack, SlackHost.Morgan, "my flags");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Contains("not linked", answer, StringComparison.Ordinal);
    }
}
