using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>
/// A recording Bot Connector on loopback: keeps every call the bot makes (method, decoded path, bearer token, JSON body), answers
/// like Teams (activity ids, roster members by 29: id or Entra object id) and refuses what Teams refuses: a conversation cannot be
/// created without a tenant (400), and asking again for a user's 1:1 chat answers the same chat. It can be told to fail the next
/// calls or to take its time creating conversations.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Body)> _failures = new();
    private readonly ConcurrentDictionary<string, string> _directChats = new(StringComparer.Ordinal);
    private int _next;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>Roster answers by member id (the <c>29:</c> id or the object id), in the Teams wire shape.</summary>
    public ConcurrentDictionary<string, JsonObject> Members { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeConnector(builder.Build());
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync();
        fake.ServiceUrl = fake._app.Urls.First() + "/teams/";
        return fake;
    }

    /// <summary>How long a create-conversation call takes, so that concurrent deliveries overlap inside it.</summary>
    public TimeSpan CreateDelay { get; set; }

    public void FailNext(int status, string? retryAfter = null, string body = "") => _failures.Enqueue((status, retryAfter, body));

    public IReadOnlyList<ConnectorCall> Where(string method, string pathStart) =>
        Calls.Where(c => c.Method == method && c.Path.StartsWith(pathStart, StringComparison.Ordinal)).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        var path = Uri.UnescapeDataString(request.Path.Value!["/teams".Length..]);
        var call = new ConnectorCall(request.Method, path, request.Headers.Authorization.ToString(), text.Length == 0 ? null : JsonNode.Parse(text));
        Calls.Enqueue(call);
        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            await context.Response.WriteAsync(failure.Body);
            return;
        }

        var id = Interlocked.Increment(ref _next);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == "POST" && segments.Length == 2)
        {
            await CreateConversationAsync(context, call.Body, id);
            return;
        }

        object answer = (request.Method, segments.Length) switch
        {
            ("GET", 5) when Member(segments[4]) is { } member => member,
            ("GET", _) => new { error = new { code = "MemberNotFoundInConversation", message = "no such member" } },
            ("PUT", 5) => new { id = segments[4] },
            _ => new { id = $"act-{id}" },
        };
        context.Response.StatusCode = answer is JsonObject || request.Method != "GET" ? 200 : 404;
        await context.Response.WriteAsJsonAsync(answer);
    }

    private JsonObject? Member(string memberId) =>
        Members.TryGetValue(memberId, out var member) ? member : Members.Values.FirstOrDefault(m => (string?)m["objectId"] == memberId);

    /// <summary>
    /// Teams needs the tenant to create a conversation and answers 400 without one; a 1:1 chat with the same user is the same chat.
    /// </summary>
    private async Task CreateConversationAsync(HttpContext context, JsonNode? body, int id)
    {
        await Task.Delay(CreateDelay);
        var tenant = (string?)body?["tenantId"] is { Length: > 0 } t ? t : (string?)body?["channelData"]?["tenant"]?["id"];
        if (string.IsNullOrEmpty(tenant))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "BadArgument", message = "Tenant id is required to create a conversation" } });
            return;
        }

        var member = (string?)body?["members"]?[0]?["id"];
        var chat = body?["isGroup"]?.GetValue<bool>() == true || member is null ? $"19:thread-{id}" : _directChats.GetOrAdd($"{tenant}|{member}", $"a:dm-{id}");
        await context.Response.WriteAsJsonAsync(new { id = chat });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
