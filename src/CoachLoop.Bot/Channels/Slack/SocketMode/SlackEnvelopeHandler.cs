using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace CoachLoop.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Runs one Socket Mode envelope through the handlers the request URLs use (<see cref="SlackEvents"/>,
/// <see cref="SlackInteractions"/>, <see cref="SlackCommands"/>), so both modes behave alike: the handler's answer is executed
/// into an in-memory response, and its JSON body becomes the ack's <c>payload</c> (modal errors, a command's reply). Work a
/// handler queued for after its answer was sent (a views.open on the trigger_id) starts once the ack has gone out.
/// </summary>
public sealed class SlackEnvelopeHandler(IServiceScopeFactory scopes)
{
    /// <summary>Handles the envelope; the result holds the ack payload and what to run once the ack is sent.</summary>
    public async Task<SlackEnvelopeAnswer> HandleAsync(JsonObject envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var payload = envelope["payload"] as JsonObject;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        IResult? result = (SlackJson.Str(envelope, "type"), payload) switch
        {
            (_, null) => null,
            ("events_api", { } events) => await services.GetRequiredService<SlackEvents>().HandleAsync(events, ct).ConfigureAwait(false),
            ("interactive", { } interaction) => await services.GetRequiredService<SlackInteractions>().HandleAsync(interaction, ct).ConfigureAwait(false),
            ("slash_commands", { } command) => await services.GetRequiredService<SlackCommands>().HandleAsync(Fields(command), ct).ConfigureAwait(false),
            _ => null,
        };
        if (result is null)
        {
            return SlackEnvelopeAnswer.Empty;
        }

        var response = new AfterResponse();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Features.Set<IHttpResponseFeature>(response);
        using var body = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        await result.ExecuteAsync(context).ConfigureAwait(false);
        var json = body.Length > 0 && (context.Response.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase)
            ? JsonNode.Parse(body.ToArray())
            : null;
        return new SlackEnvelopeAnswer(json, response.Completed);
    }

    /// <summary>Slash command fields arrive as a JSON object of strings (over HTTP they are a form).</summary>
    private static Dictionary<string, string> Fields(JsonObject command) =>
        command.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value!.ToJsonString(),
            StringComparer.Ordinal);

    /// <summary>A response feature that keeps the "when the response has been sent" callbacks for the caller to run after the ack.</summary>
    private sealed class AfterResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _completed = [];

        public IReadOnlyList<Func<Task>> Completed => [.. _completed.Select(c => (Func<Task>)(() => c.Callback(c.State)))];

        public override void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

        public override void OnStarting(Func<object, Task> callback, object state)
        {
            // Nothing to do before an in-memory response starts.
        }
    }
}
