using System.Text.Json;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// <c>invoke</c> <c>adaptiveCard/action</c> (Action.Execute, including the automatic <c>refresh</c>): runs the click through the
/// card action pipeline within the invoke budget and answers with the card that replaces the clicker's view: their own view, with
/// only the buttons they may use. The shared message is updated for everyone by the outbox. Refusals show the current card with
/// the reason on its status line. The HTTP status is the one the invoke response carries, as the Bot Framework SDKs answer
/// (a malformed or non-<c>Action.Execute</c> request gets 400 with the error body).
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards">Universal Actions</see>.</remarks>
public sealed class CardActionHandler(TeamsActionRunner runner, TeamsViewers viewers, TeamsOpenCard openCard, IOptions<TeamsOptions> options) : ITeamsHandler
{
    public const string ExecuteAction = "Action.Execute";

    public string Name => ActivityTypes.AdaptiveCardAction;

    public bool CanHandle(Activity activity) => activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.AdaptiveCardAction;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return Answer(InvokeResponse.Error(400, "BadRequest", "The invoke value has no action."));
        }

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type != ExecuteAction)
        {
            return Answer(InvokeResponse.Error(400, "NotSupported", $"The action '{type}' is not supported."));
        }

        if (!action.TryGetProperty("verb", out var verbElement) || verbElement.ValueKind != JsonValueKind.String)
        {
            return Answer(InvokeResponse.Error(400, "BadRequest", "The invoke value has no action verb."));
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.InvokeBudget);
        try
        {
            var data = action.TryGetProperty("data", out var d) ? d : default;
            var (result, clicker) = await runner.RunAsync(activity, verbElement.GetString()!, data, budget.Token).ConfigureAwait(false);
            if (result is { Outcome: ActionOutcome.Done, Card: { } opened } && verbElement.GetString() == Cards.CardVerbs.OpenCard)
            {
                // The row's card goes to the clicker's chat; the list they clicked in stays in place (TeamsOpenCard says why).
                return Answer(await openCard.AnswerAsync(activity, opened, clicker, data, budget.Token).ConfigureAwait(false));
            }

            if (await result.CardAsync(budget.Token).ConfigureAwait(false) is { } card)
            {
                var shown = result.Outcome == ActionOutcome.Done ? card : TeamsCards.WithNote(card, result.Message);
                return Answer(InvokeResponse.Card(TeamsCards.Render(await viewers.ForViewerAsync(shown, clicker, budget.Token).ConfigureAwait(false))));
            }

            return Answer(result.Outcome == ActionOutcome.Invalid
                ? InvokeResponse.Error(400, "BadRequest", result.Message) : InvokeResponse.Message(result.Message));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Answer(InvokeResponse.Message("CoachLoop is taking longer than usual. Nothing was lost: refresh the card in a moment."));
        }
    }

    private static IResult Answer(InvokeResponse response) => TypedResults.Json(response, TeamsJson.Options, statusCode: response.StatusCode);
}
