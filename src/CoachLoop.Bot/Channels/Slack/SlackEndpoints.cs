using Microsoft.AspNetCore.WebUtilities;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Slack's three request URLs. Each reads the raw body, verifies the signature (401 and nothing processed otherwise),
/// parses, and answers within Slack's 3 seconds; slow work runs after the ack.
/// </summary>
internal static class SlackEndpoints
{
    public const string EventsPath = "/slack/events";
    public const string InteractionsPath = "/slack/interactions";
    public const string CommandsPath = "/slack/commands";

    public static void MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().WithTags("Slack").ExcludeFromDescription();
        group.MapPost(EventsPath, EventsAsync);
        group.MapPost(InteractionsPath, InteractionsAsync);
        group.MapPost(CommandsPath, CommandsAsync);
    }

    private static async Task<IResult> EventsAsync(HttpRequest request, SlackInbound inbound, SlackEvents events, CancellationToken ct)
    {
        var body = await inbound.ReadAsync(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        if (!inbound.Verify(request, body))
        {
            return Unauthorized();
        }

        return SlackJson.Parse(body) is { } envelope ? await events.HandleAsync(envelope, ct).ConfigureAwait(false) : BadRequest();
    }

    private static async Task<IResult> InteractionsAsync(HttpRequest request, SlackInbound inbound, SlackInteractions interactions,
        CancellationToken ct)
    {
        var body = await inbound.ReadAsync(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        if (!inbound.Verify(request, body))
        {
            return Unauthorized();
        }

        var form = Form(body);
        return SlackJson.Parse(form.GetValueOrDefault("payload")) is { } payload
            ? await interactions.HandleAsync(payload, ct).ConfigureAwait(false)
            : BadRequest();
    }

    private static async Task<IResult> CommandsAsync(HttpRequest request, SlackInbound inbound, SlackCommands commands, CancellationToken ct)
    {
        var body = await inbound.ReadAsync(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        var form = Form(body);
        if (form.GetValueOrDefault("ssl_check") == "1")
        {
            // Slack probing the certificate: unsigned by design; answer 200 and do nothing else.
            return TypedResults.Ok();
        }

        return inbound.Verify(request, body) ? await commands.HandleAsync(form, ct).ConfigureAwait(false) : Unauthorized();
    }

    private static Dictionary<string, string> Form(byte[] body) =>
        QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    private static IResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Missing, stale or wrong Slack signature.");

    private static IResult BadRequest() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Not a Slack payload.");

    private static IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: "The request body is too large.");
}
