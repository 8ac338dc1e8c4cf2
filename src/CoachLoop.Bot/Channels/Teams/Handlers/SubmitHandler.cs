using System.Text.Json;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// Action.Submit and messageBack clicks from older clients: a <c>message</c> whose <c>value</c> is an object. When it carries a
/// <c>verb</c> next to the card data it goes through the same pipeline as Action.Execute; the answer is a reply (a submit cannot
/// replace the card; the outbox updates it). Other button values are acknowledged with a short reply. The UNCERTAIN note in the
/// protocol brief (submits possibly arriving as invokes) is covered by also taking the nameless card-action invoke.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions">card actions</see>.
/// </summary>
public sealed class SubmitHandler(TeamsActionRunner runner, BotConnectorClient connector) : ITeamsHandler
{
    public string Name => "submit";

    /// <summary>Also the Bot Framework <c>invoke</c> card action, which arrives as an invoke without a name.</summary>
    public bool CanHandle(Activity activity) =>
        (activity.Type == ActivityTypes.Message || (activity.Type == ActivityTypes.Invoke && string.IsNullOrEmpty(activity.Name)))
        && activity.Value is { ValueKind: JsonValueKind.Object };

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        var value = activity.Value!.Value;
        string text;
        if (value.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
        {
            var (result, _) = await runner.RunAsync(activity, verb.GetString()!, value, ct).ConfigureAwait(false);
            text = result.Outcome == ActionOutcome.Done ? result.Message : $"Nothing changed: {result.Message}";
        }
        else
        {
            text = "That button is not one of CoachLoop's. Type **help** to see what I can do.";
        }

        await TeamsReplies.ReplyAsync(connector, activity, text, ct).ConfigureAwait(false);
        return TypedResults.Ok();
    }
}
