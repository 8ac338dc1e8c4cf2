using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// Text people typed (a quote, a name) goes to Slack in mrkdwn objects marked <c>verbatim: true</c>, so Slack shows a URL or a
/// channel name in it as typed instead of turning it into a link.
/// </summary>
public sealed class SlackVerbatimTests
{
    private const string Typed = "Pay at https://pay.example.com/fee or ask in #general, <!channel> *now*";

    [Fact]
    public async Task AQuoteWithAUrlAndAChannelNameGoesOutInVerbatimTextObjects()
    {
        await using var slack = await SlackHost.StartAsync();
        var call = Json.Call();
        call["scores"]![1]!["evidence"]!["quote"] = Typed;
        await slack.Chat.PostCallAsync(call);
        await slack.Chat.DispatchAsync();

        var blocks = JsonNode.Parse(slack.LastPostTo(SlackHost.ManagerChannel).Arg("blocks")!)!.AsArray();
        var mrkdwn = TextObjects(blocks).Where(t => t["type"]!.GetValue<string>() == "mrkdwn").ToList();
        var quote = Assert.Single(mrkdwn, t => t["text"]!.GetValue<string>().Contains("pay.example.com", StringComparison.Ordinal));

        Assert.True(quote["verbatim"]?.GetValue<bool>());
        Assert.Contains("&lt;!channel&gt;", quote["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // Facts, status and sections carry names and rubric text too: every mrkdwn object of a card is verbatim.
        Assert.All(mrkdwn, t => Assert.True(t["verbatim"]?.GetValue<bool>(), t.ToJsonString()));
    }

    [Fact]
    public async Task CoachTeamAnswersWithAVerbatimSection()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        var form = SlackFixtures.Text("slash_command_form_body.txt")
            .Replace("team_id=T1DC2JH3J", $"team_id={FakeSlackApi.Team}", StringComparison.Ordinal)
            .Replace("user_id=U2CERLKJA", $"user_id={SlackHost.Morgan}", StringComparison.Ordinal)
            .Replace("command=%2Fwebhook-collect", "command=%2Fcoach", StringComparison.Ordinal)
            .Replace("text=&", "text=team&", StringComparison.Ordinal);

        var response = await slack.SendAsync(SlackSigner.Form("/slack/commands", form, slack.Now));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var section = Assert.Single(answer["blocks"]!.AsArray())!;
        Assert.Equal("mrkdwn", section["text"]!["type"]!.GetValue<string>());
        Assert.True(section["text"]!["verbatim"]!.GetValue<bool>());
        Assert.Contains("Ana Ruiz", section["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(section["text"]!["text"]!.GetValue<string>(), answer["text"]!.GetValue<string>());
    }

    private static IEnumerable<JsonObject> TextObjects(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue v && v.GetValue<string>() is "mrkdwn" or "plain_text" && o["text"] is JsonValue => [o],
        JsonObject o => o.SelectMany(p => TextObjects(p.Value)),
        JsonArray a => a.SelectMany(TextObjects),
        _ => [],
    };
}
