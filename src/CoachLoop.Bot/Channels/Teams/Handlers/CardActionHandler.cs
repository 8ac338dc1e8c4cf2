using System.Text.Json;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// <c>invoke</c> <c>adaptiveCard/action</c> (Action.Execute, including the automatic <c>refresh</c>): runs the click through the
/// card action pipeline within the invoke budget and answers HTTP 200 with the card that replaces the clicker's view. The shared
/// message is updated for everyone by the outbox. Refusals show the current card with the reason on its status line.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards">Universal Actions</see>.</remarks>
public sealed class CardActionHandler(TeamsActionRunner runner, IOptions<TeamsOptions> options) : ITeamsHandler
{
    public string Name => ActivityTypes.AdaptiveCardAction;

    public bool CanHandle(Activity activity) => activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.AdaptiveCardAction;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object || !action.TryGetProperty("verb", out var verbElement) || verbElement.ValueKind != JsonValueKind.String)
        {
            return Answer(InvokeResponse.Error(400, "BadRequest", "The invoke value has no action verb."));
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.InvokeBudget);
        CardActionResult result;
        try
        {
            var data = action.TryGetProperty("data", out var d) ? d : default;
            result = await runner.RunAsync(activity, verbElement.GetString()!, data, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Answer(InvokeResponse.Message("CoachLoop is taking longer than usual. Nothing was lost: refresh the card in a moment."));
        }

        return Answer(result switch
        {
            { Outcome: ActionOutcome.Done, Card: { } card } => InvokeResponse.Card(TeamsCards.Render(card)),
            { Card: { } card } => InvokeResponse.Card(TeamsCards.Render(card, result.Message)),
            { Outcome: ActionOutcome.Invalid } => InvokeResponse.Error(400, "BadRequest", result.Message),
            _ => InvokeResponse.Message(result.Message),
        });
    }

    private static IResult Answer(InvokeResponse response) => TypedResults.Json(response, TeamsJson.Options);
}
