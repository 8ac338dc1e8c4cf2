using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachLoop.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>
/// What the click benchmarks share: the clicker exactly as ../shared/bench/peers/load/requests.mjs names them (Slack user, team and
/// channel; Teams user, tenant and channel), the host settings that wire the bot to the loopback fakes, and the team of agents
/// whose flags that clicker may approve.
/// </summary>
internal static class ClickRig
{
    /// <summary>From the environment (scripts/bench-peers.sh sets one per run), else a random one for this process alone.</summary>
    public static readonly string SigningSecret = FromEnvironment("SLACK_SIGNING_SECRET", "");

    public static readonly string BotToken = FromEnvironment("SLACK_BOT_TOKEN", "xoxb-");
    public const string SlackApiUrl = "http://127.0.0.1:4100/api/";
    public const string ConnectorUrl = "http://127.0.0.1:4200/";
    public const string SlackTeam = "T0G9PQBBK";
    public const string SlackUser = "U111MANAGER";
    public const string SlackChannel = "C111COACHING";
    public const string TeamsAad = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    public const string TeamsTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string TeamsChannel = "19:peersfakechannel0123456789abcdef@thread.tacv2";
    public const string TeamKey = "bench-clicks";

    private static readonly string[] QualityCriteria = ["empathy", "discovery", "resolution", "ownership"];

    public static Dictionary<string, string> HostSettings(string? slackApi, bool demo) => new()
    {
        ["WebChannel:Enabled"] = "false", ["Demo:Seed"] = demo ? "true" : "false", ["Scheduling:Enabled"] = "false",
        ["Slack:SigningSecret"] = SigningSecret, ["Slack:BotToken"] = BotToken, ["Slack:ApiBaseUrl"] = slackApi ?? SlackApiUrl,
        ["Teams:DevelopmentMode"] = "true",

        // Every template flag gets a card of its own: the burst of one call per agent would otherwise be grouped into one card.
        ["Delivery:GroupAfter"] = "1000",
    };

    private static string FromEnvironment(string name, string prefix) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : prefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static string AgentEmail(int i) => $"agent{i:D4}@bench.example.com";

    /// <summary>An HTTP client on the host's Kestrel address carrying a fresh API key.</summary>
    public static async Task<HttpClient> ApiClientAsync(BenchHost host)
    {
        string key;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("bench-" + Guid.NewGuid().ToString("N")[..12]);
        }

        var http = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return http;
    }

    /// <summary>The clicker manages a team of <paramref name="agents"/> agents whose cards go to the peers' Slack channel and Teams channel.</summary>
    /// <remarks>Without <paramref name="connectorUrl"/> the team has no Teams route, and without <paramref name="slack"/> no Slack route.</remarks>
    public static async Task SetUpTeamAsync(HttpClient http, int agents, string? connectorUrl, bool slack = true)
    {
        var people = new JsonArray(new JsonObject
        {
            ["email"] = "megan.bowen@bench.example.com", ["name"] = "Megan Bowen", ["role"] = "Manager", ["team"] = TeamKey,
            ["slackUserId"] = SlackUser, ["teamsAadObjectId"] = TeamsAad,
        });
        for (var i = 0; i < agents; i++)
        {
            people.Add(new JsonObject
            {
                ["email"] = AgentEmail(i), ["name"] = $"Agent {i:D4}", ["role"] = "Agent", ["team"] = TeamKey, ["externalId"] = $"BENCH-{i:D4}",
                ["typicalCallsPerDay"] = 30,
            });
        }

        await Ok(await http.PutAsJsonAsync("/api/v1/directory/people", new JsonObject { ["people"] = people }), "directory");
        if (slack)
        {
            await Ok(await http.PutAsJsonAsync($"/api/v1/channels/slack/teams/{TeamKey}", new { conversationId = SlackChannel }), "slack route");
        }

        if (connectorUrl is null)
        {
            return;
        }

        await Ok(await http.PutAsJsonAsync($"/api/v1/channels/teams/teams/{TeamKey}",
            new { conversationId = TeamsChannel, tenant = TeamsTenant, serviceUrl = connectorUrl }), "teams route");
    }

    /// <summary>A call of the demo rubric failing exactly one quality criterion (which one turns with <paramref name="i"/>): one flag.</summary>
    public static JsonObject FailingCall(string callId, string agent, int i, DateTimeOffset at)
    {
        var failing = QualityCriteria[i % QualityCriteria.Length];
        var scores = new JsonArray(new JsonObject { ["criterion"] = "disclosure", ["score"] = 100 });
        foreach (var criterion in QualityCriteria)
        {
            scores.Add(criterion == failing
                ? new JsonObject
                {
                    ["criterion"] = criterion, ["score"] = 40,
                    ["evidence"] = new JsonObject { ["quote"] = "That is just our policy, there is nothing I can do about the fee.", ["offset"] = "00:04:12" },
                }
                : new JsonObject { ["criterion"] = criterion, ["score"] = 92 });
        }

        return new JsonObject
        {
            ["source"] = "bench", ["callId"] = callId, ["agent"] = agent, ["callTime"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["durationSeconds"] = 420, ["queue"] = "billing", ["rubric"] = new JsonObject { ["key"] = "support", ["version"] = 1 },
            ["overallScore"] = 82, ["scores"] = scores,
        };
    }

    public static async Task PostCallsAsync(HttpClient http, IReadOnlyList<JsonObject> calls)
    {
        foreach (var batch in calls.Chunk(500))
        {
            await Ok(await http.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = new JsonArray(batch.Select(c => (JsonNode)c.DeepClone()).ToArray()) }),
                "scored calls");
        }
    }

    public static async Task Ok(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
