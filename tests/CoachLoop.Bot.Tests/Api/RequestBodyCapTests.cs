using System.Text;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Api;
using CoachLoop.Engine.Calls;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>Request bodies over the configured cap are a 413 problem, sent with a length or without; the default holds a full batch.</summary>
public sealed class RequestBodyCapTests
{
    private static readonly Dictionary<string, string?> SmallCap = new() { ["Api:MaxRequestBodyBytes"] = "20000" };

    [Fact]
    public async Task ABodyDeclaredLargerThanTheCapIs413AndStoresNothing()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true, settings: SmallCap);
        var client = await app.CreateApiClientAsync();
        var batch = new JsonObject { ["calls"] = new JsonArray(Enumerable.Range(0, 40).Select(i => (JsonNode)Json.Call($"c{i}")).ToArray()) };

        var response = await client.PostAsync("/api/v1/scored-calls", Json.Raw(batch.ToJsonString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Api:MaxRequestBodyBytes", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Theory]
    [InlineData("/api/v1/scored-calls", "application/json")]
    [InlineData("/api/v1/directory/import", "text/csv")]
    public async Task ABodySentInChunksWithoutALengthIsCutAtTheCapWith413(string url, string contentType)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true, settings: SmallCap);
        var client = await app.CreateApiClientAsync();
        var body = contentType == "text/csv"
            ? "email,name,role,team\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"p{i}@example.com,P {i},agent,east\n"))
            : new JsonObject { ["calls"] = new JsonArray(Enumerable.Range(0, 40).Select(i => (JsonNode)Json.Call($"c{i}")).ToArray()) }.ToJsonString();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var people = await app.WithDbAsync(db => db.People.CountAsync());

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
        Assert.Equal(people, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task ABodyUnderTheCapIsTakenAsBefore()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true, settings: SmallCap);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public void TheDefaultCapHoldsABatchOf500CallsWithTenQuotesAtTheirLongest()
    {
        var quote = new string('q', ScoredCallLimits.Quote);
        var sentence = new string('s', ScoredCallLimits.FailingSentence);
        var calls = new JsonArray();
        for (var i = 0; i < ScoredCallsApi.MaxBatch; i++)
        {
            var call = Json.Call(new string('c', ScoredCallLimits.CallId - 4) + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            call["scores"] = new JsonArray(Enumerable.Range(0, 10).Select(c => (JsonNode)new JsonObject
            {
                ["criterion"] = $"criterion-{c}", ["score"] = 55.5m,
                ["evidence"] = new JsonObject { ["quote"] = quote, ["offset"] = "00:12:04", ["failingSentence"] = sentence },
            }).ToArray());
            calls.Add(call);
        }

        var size = Encoding.UTF8.GetByteCount(new JsonObject { ["calls"] = calls }.ToJsonString());

        Assert.True(size < new ApiOptions().MaxRequestBodyBytes, $"a full batch is {size} bytes");
    }
}
