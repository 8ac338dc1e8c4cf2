using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Channels.Slack;

namespace CoachLoop.Bot.Tests.Transcripts;

/// <summary>Script checks and keyword triggers over the real HTTP surfaces: rubric, scored call, flag view and the Slack card.</summary>
public sealed class ScriptCheckApiTests
{
    [Fact]
    public async Task CallWithATranscriptRaisesTheComplianceAndKeywordFlagsWithTheirEvidenceInTheApiAndOnTheSlackCard()
    {
        await using var slack = await SlackHost.StartAsync();
        var client = await slack.App.CreateApiClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/rubrics", ScriptCheckJson.Rubric());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rubric = await Json.ReadAsync(created);
        Assert.Equal(30, rubric.GetProperty("criteria")[0].GetProperty("scriptCheck").GetProperty("withinSeconds").GetInt32());

        var answer = await client.PostAsJsonAsync("/api/v1/scored-calls", ScriptCheckJson.Call("t-1",
            ("agent", "00:00:02", "Thanks for calling Acme, how can I help?"),
            ("customer", "00:00:06", "My bill is wrong again. If this is not fixed I want to speak to a lawyer."),
            ("agent", "00:00:45", "Before we go on, this call may be recorded for quality and training purposes.")));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        await slack.Chat.DispatchAsync();

        var flags = (await Json.ReadAsync(await client.GetAsync("/api/v1/flags?status=open"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["compliance:disclosure:True", "keyword:empathy:True"],
            flags.Select(f => $"{f.GetProperty("kind").GetString()}:{f.GetProperty("criterionId").GetString()}:{f.GetProperty("urgent").GetBoolean()}").Order());
        var script = flags.Single(f => f.GetProperty("kind").GetString() == "compliance").GetProperty("plan").GetProperty("transcript");
        Assert.Equal("script", script.GetProperty("kind").GetString());
        Assert.False(script.GetProperty("passed").GetBoolean());
        Assert.Equal(("00:00:45", 100), (script.GetProperty("offset").GetString(), script.GetProperty("similarity").GetInt32()));
        Assert.Equal("QA score 100 passed but Recorded-line disclosure was not said in the first 30 s; said only at 00:00:45 (similarity 100%)",
            script.GetProperty("disagreement").GetString());
        var keyword = flags.Single(f => f.GetProperty("kind").GetString() == "keyword").GetProperty("plan");
        Assert.Equal("My bill is wrong again. If this is not fixed I want to speak to a lawyer.", keyword.GetProperty("quote").GetString());
        Assert.Equal("legal threat", keyword.GetProperty("transcript").GetProperty("label").GetString());

        var posts = slack.Fake.CallsOf("chat.postMessage").Where(p => p.Arg("channel") == SlackHost.ManagerChannel).Select(p => p.Texts("blocks")).ToList();
        var scriptCard = Assert.Single(posts, p => p.Contains("Script check: failed", StringComparison.Ordinal));
        Assert.Contains("Not said in the first 30 s; said only at 00:00:45 (similarity 100%).", scriptCard, StringComparison.Ordinal);
        Assert.Contains("Disagrees with QA: QA score 100 passed", scriptCard, StringComparison.Ordinal);
        var keywordCard = Assert.Single(posts, p => p.Contains("Keyword alert: legal threat", StringComparison.Ordinal));
        Assert.Contains("I want to speak to a lawyer.", keywordCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATranscriptTheSameRubricRaisesNothingForPassingScores()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        (await client.PostAsJsonAsync("/api/v1/rubrics", ScriptCheckJson.Rubric())).EnsureSuccessStatusCode();
        var call = ScriptCheckJson.Call("t-2");
        call.Remove("transcript");

        var answer = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/scored-calls", call));

        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Flags.Count())));
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("flags").ValueKind);
    }

    [Fact]
    public async Task BadTranscriptIsRefusedWithEveryFieldNamed()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var call = ScriptCheckJson.Call("t-3", ("robot", "00:00:01", "hello"), ("agent", "soon", "hi"));
        call["transcript"]!["segments"]!.AsArray().Add(new JsonObject { ["speaker"] = "customer", ["start"] = "00:00:03" });

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["rubric", "transcript.segments[0].speaker", "transcript.segments[1].start", "transcript.segments[2].text"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RubricWithABadScriptCheckIsRefusedNamingTheField()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var rubric = ScriptCheckJson.Rubric();
        rubric["criteria"]![1]!["scriptCheck"] = new JsonObject { ["phrases"] = new JsonArray(), ["speaker"] = "agent" };

        var response = await client.PostAsJsonAsync("/api/v1/rubrics", rubric);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["criteria[1].scriptCheck", "criteria[1].scriptCheck.phrases"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTranscriptsScriptChecksAndKeywordFlags()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var document = await Json.ReadAsync(await app.CreateClient().GetAsync("/openapi/v1.json"));
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(["speaker", "start", "text"], schemas.GetProperty("TranscriptSegmentDto").GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.True(schemas.GetProperty("CriterionDto").GetProperty("properties").TryGetProperty("scriptCheck", out _));
        Assert.True(schemas.GetProperty("CriterionDto").GetProperty("properties").TryGetProperty("keywordTriggers", out _));
        Assert.Contains("keyword", schemas.GetProperty("FlagKind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(schemas.GetProperty("ActionPlan").GetProperty("properties").TryGetProperty("transcript", out _));
    }
}
