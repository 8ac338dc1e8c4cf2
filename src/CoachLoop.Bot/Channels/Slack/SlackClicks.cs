using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Runs a Slack click through the chat core. When it took effect the outbox updates every copy of the card in place
/// (chat.update); when it was refused, stale or invalid, only the clicker is told, with
/// <see href="https://api.slack.com/methods/chat.postEphemeral">chat.postEphemeral</see>. "Open card" on a row of a list shows
/// the row's full card to the clicker alone: ephemeral where the list was a message, in their DM with the app from App Home.
/// </summary>
public sealed partial class SlackClicks(SlackPeople people, CardActionPipeline pipeline, SlackApiClient slack, SlackInstallations installations,
    IServiceProvider services, ILogger<SlackClicks> logger)
{
    public async Task<CardActionResult> RunAsync(SlackClick click, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(click);
        // Links the Slack user to their CoachLoop person (by email) the first time they act.
        await people.ResolveAsync(click.Team, click.UserId, ct).ConfigureAwait(false);
        var result = await pipeline.HandleAsync(new CardActionRequest(ChatIdentity.Slack, click.Team, click.UserId, click.Verb, click.Data, click.Key), ct)
            .ConfigureAwait(false);
        LogClick(logger, click.Verb, result.Outcome);
        return result;
    }

    /// <summary>A click on a message button or select: run it, and answer the clicker alone unless it took effect.</summary>
    public async Task RunAndAnswerAsync(SlackClick click, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(click);
        var result = await RunAsync(click, ct).ConfigureAwait(false);
        // The answer goes out with the token of the installation the click came from.
        var token = (await installations.ForKeyAsync(click.Team, ct).ConfigureAwait(false)) is { Revoked: null } workspace ? workspace.Token : null;
        if (token is null)
        {
            return;
        }

        if (result is { Outcome: ActionOutcome.Done, Card: { } card } && click.Verb == Cards.CardVerbs.OpenCard)
        {
            var message = BlockKitRenderer.Render(card);
            _ = click.Channel is null
                ? await slack.PostReplyAsync(token, click.UserId, message.Text, message.Blocks, ct).ConfigureAwait(false)
                : await slack.PostEphemeralAsync(token, click.Channel, click.UserId, message.Text, message.Blocks, ct).ConfigureAwait(false);
        }
        else if (result.Outcome != ActionOutcome.Done && click.Channel is not null)
        {
            var text = result.Errors is { Count: > 0 } errors
                ? result.Message + " " + string.Join(" ", errors.Values)
                : result.Message;
            await slack.PostEphemeralAsync(token, click.Channel, click.UserId, BlockKitText.Clip(BlockKitText.Escape(text), BlockKitText.MaxFallbackText), ct)
                .ConfigureAwait(false);
        }

        if (click.FromHome)
        {
            await services.GetRequiredService<SlackHome>().PublishAsync(click.Team, click.UserId, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack click {Verb}: {Outcome}")]
    private static partial void LogClick(ILogger logger, string verb, ActionOutcome outcome);
}
