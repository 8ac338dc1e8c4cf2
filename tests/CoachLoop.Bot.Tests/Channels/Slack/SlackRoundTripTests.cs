using System.Text.Json.Nodes;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The whole loop in Slack over real loopback HTTP: signed requests in, the recording fake Slack Web API out.</summary>
public sealed class SlackRoundTripTests
{
    private static string Ts(FakeSlackCall post, FakeSlackApi fake) =>
        // The fake answers posts with increasing ts values in call order.
        $"1700000000.{fake.CallsOf("chat.postMessage").ToList().IndexOf(post) + 1:000000}";

    [Fact]
    public async Task ScoredCallPostsTheFlagToTheManagerChannelAndApprovingUpdatesThatMessageInPlace()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var flagPost = slack.LastPostTo(SlackHost.ManagerChannel);
        Assert.Contains("Empathy", flagPost.Arg("text"), StringComparison.Ordinal);
        Assert.Equal("Bearer " + SlackSigner.BotToken, flagPost.Headers["Authorization"]);
        var ts = Ts(flagPost, slack.Fake);

        var click = SlackHost.Click(SlackHost.Morgan, flagPost, ts, "approvePractice");
        var ack = await slack.SendAsync(SlackSigner.Payload(click.ToJsonString(), slack.Now));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync()).Status);
        var update = Assert.Single(slack.Fake.CallsOf("chat.update"), u => u.Arg("channel") == SlackHost.ManagerChannel);
        Assert.Equal(ts, update.Arg("ts"));
        Assert.Contains("Practice approved by Morgan Lee", update.Texts("blocks"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"approvePractice\"", update.Arg("blocks"), StringComparison.Ordinal);
        Assert.Empty(slack.Fake.CallsOf("chat.postEphemeral"));
    }

    [Fact]
    public async Task AgentDisputesFromTheirDirectMessageThroughAModalAndTheDisputeReachesTheReviewersChannel()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var open = Assert.Single(slack.Fake.CallsOf("conversations.open"));
        Assert.Equal(SlackHost.Ana, open.Arg("users"));
        var dm = slack.LastPostTo("D" + SlackHost.Ana);
        var click = SlackHost.Click(SlackHost.Ana, dm, Ts(dm, slack.Fake), "disputeScore");
        var ack = await slack.SendAsync(SlackSigner.Payload(click.ToJsonString(), slack.Now));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await slack.WhenIdleAsync();

        var viewsOpen = Assert.Single(slack.Fake.CallsOf("views.open"));
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), viewsOpen.Arg("trigger_id"));
        var modal = JsonNode.Parse(viewsOpen.Arg("view")!)!.AsObject();
        Assert.Equal("modal", modal["type"]!.GetValue<string>());

        var empty = SlackHost.Submit(SlackHost.Ana, modal, new Dictionary<string, string>());
        var rejected = await slack.SendAsync(SlackSigner.Payload(empty.ToJsonString(), slack.Now));
        var errors = await Json.ReadAsync(rejected);
        Assert.Equal("errors", errors.GetProperty("response_action").GetString());
        Assert.Equal("A dispute needs a reason.", errors.GetProperty("errors").GetProperty("reason").GetString());

        var submission = SlackHost.Submit(SlackHost.Ana, modal, new Dictionary<string, string> { ["reason"] = "The customer hung up <before> I could finish & the fee was waived." });
        var done = await slack.SendAsync(SlackSigner.Payload(submission.ToJsonString(), slack.Now));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("", await done.Content.ReadAsStringAsync());
        await slack.Chat.DispatchAsync();

        var disputePost = slack.LastPostTo(SlackHost.ManagerChannel);
        Assert.Contains("dispute", disputePost.Arg("text"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hung up &lt;before&gt; I could finish &amp; the fee", disputePost.Texts("blocks"), StringComparison.Ordinal);
        Assert.Contains("upholdDispute", disputePost.Arg("blocks"), StringComparison.Ordinal);
        Assert.Equal(1, await slack.App.WithDbAsync(db => db.Disputes.CountAsync()));
    }
}
