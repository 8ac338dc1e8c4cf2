using System.Text.Json;
using Microsoft.OpenApi;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// The OpenAPI document as served: valid for an OpenAPI reader and validator (Microsoft.OpenApi), with the bearer scheme,
/// a summary and a response schema for every operation, the problem answers, examples, and optional fields optional.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task TheServedDocumentPassesTheOpenApiValidator()
    {
        var text = await ReadDocumentAsync();

        var (parsed, diagnostic) = OpenApiDocument.Parse(text, "json");
        var document = Assert.IsType<OpenApiDocument>(parsed);
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet());

        Assert.Empty(diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(errors?.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.True(document.Paths?.Count >= 15, $"{document.Paths?.Count} paths");
    }

    [Fact]
    public async Task EveryOperationHasASummaryAResponseSchemaAndTheProblemsItCanAnswer()
    {
        var doc = JsonDocument.Parse(await ReadDocumentAsync()).RootElement;

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var missing = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var operation = op.Value;
                var responses = operation.GetProperty("responses");
                if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    missing.Add($"{name}: summary");
                }

                foreach (var success in responses.EnumerateObject().Where(r => r.Name.StartsWith('2') && r.Name is not ("202" or "204")))
                {
                    if (!success.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)))
                    {
                        missing.Add($"{name}: {success.Name} schema");
                    }
                }

                if (!path.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!operation.TryGetProperty("security", out var security) || !security[0].TryGetProperty("bearer", out _))
                {
                    missing.Add($"{name}: bearer security");
                }

                var expected = new List<string> { "401" };
                expected.AddRange(operation.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query")
                    || operation.TryGetProperty("requestBody", out _) ? ["400"] : []);
                expected.AddRange(op.Name is "post" or "put" ? ["409"] : []);
                expected.AddRange(operation.TryGetProperty("requestBody", out _) ? ["413"] : []);
                foreach (var status in expected)
                {
                    if (!responses.TryGetProperty(status, out var problem)
                        || !problem.GetProperty("content").GetProperty("application/problem+json").TryGetProperty("example", out _))
                    {
                        missing.Add($"{name}: {status} problem with an example");
                    }
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/flags/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task ListsNameTheirPageAndOptionalFieldsAreNotRequired()
    {
        var doc = JsonDocument.Parse(await ReadDocumentAsync()).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => schemas.GetProperty(schema).GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToArray();

        var flags = doc.GetProperty("paths").GetProperty("/api/v1/flags").GetProperty("get");
        Assert.Equal("#/components/schemas/PageOfFlagView",
            flags.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var limit = flags.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal(("integer", 100), (limit.GetProperty("schema").GetProperty("type").GetString(), limit.GetProperty("schema").GetProperty("default").GetInt32()));
        Assert.Equal(["items"], Required("PageOfFlagView"));
        Assert.Contains("id", Required("FlagView"));
        Assert.Contains("criterion", Required("FlagView"));
        Assert.DoesNotContain("session", Required("FlagView"));
        Assert.DoesNotContain("teamId", Required("FlagView"));
        Assert.DoesNotContain("closingNote", Required("FlagView"));
        Assert.Equal(["source", "callId", "agent", "callTime", "rubric", "overallScore", "scores"], Required("ScoredCallDto"));
        Assert.True(schemas.GetProperty("ScoredCallDto").TryGetProperty("examples", out _));
        var log = doc.GetProperty("paths").GetProperty("/api/v1/coaching-log").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(log.TryGetProperty("text/csv", out _));
        Assert.True(log.TryGetProperty("application/json", out _));
    }

    private static async Task<string> ReadDocumentAsync()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
