using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Support;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>How invokes are answered: the HTTP status the invoke response carries, and the status line of cards that did not change.</summary>
public sealed class TeamsInvokeTests
{
    /// <summary>The text of the card's status line: the TextBlock that says <paramref name="marker"/>.</summary>
    private static string StatusLine(JsonNode? node, string marker) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextBlock" && ((string?)o["text"])?.Contains(marker, StringComparison.Ordinal) == true => (string)o["text"]!,
        JsonObject o => o.Select(p => StatusLine(p.Value, marker)).FirstOrDefault(t => t.Length > 0) ?? "",
        JsonArray a => a.Select(n => StatusLine(n, marker)).FirstOrDefault(t => t.Length > 0) ?? "",
        _ => "",
    };

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task AnActionThatIsNotActionExecuteIsRefusedWithHttp400NotSupported()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        var invoke = TeamsScenario.Execute(host, "29:morgan", "approvePractice", data, "submit-as-invoke");
        invoke["value"]!["action"]!["type"] = "Action.Submit";

        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(invoke), 400);

        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal("Raised", (await host.Chat.FlagAsync()).Status.ToString());
    }

    [Fact]
    public async Task AnInvokeWithoutAnActionGetsHttp400()
    {
        await using var host = await TeamsHost.StartAsync();
        var invoke = TeamsFixtures.Invoke(host.Connector.ServiceUrl, new JsonObject { ["trigger"] = "manual" });
        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(invoke), 400);
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AStaleClickShowsWhereTheCardStandsOnce()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "approvePractice", data.DeepClone().AsObject(), "click-1")));

        // The same button pressed again from a card that was not refreshed (another device): a new click on an old version.
        var stale = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "approvePractice", data, "click-2")));

        var line = StatusLine(JsonNode.Parse(stale.GetProperty("value").GetRawText()), "out of date");
        Assert.StartsWith("This card was out of date. ", line, StringComparison.Ordinal);
        Assert.Equal(1, Count(line, "approved by"));
    }
}
