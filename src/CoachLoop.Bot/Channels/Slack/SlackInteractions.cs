using System.Text.Json.Nodes;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Channels.Slack.Installs;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Interactivity (<see href="https://api.slack.com/interactivity/handling">handling user interaction</see>). A <c>block_actions</c>
/// click that changes state is stored in the click inbox (<see cref="SlackInbox"/>) before it is acknowledged, and run from
/// there by <see cref="SlackInboxWorker"/>: an acknowledged click survives a crash. A button whose action needs input (its value
/// is <see cref="BlockKitActions.OpensForm"/>) instead opens its modal with views.open on the trigger_id after the ack (alive
/// 3 s, so in a lane of its own). A <c>view_submission</c> runs through the chat core before answering, so field errors come
/// back inline (<c>response_action: errors</c>).
/// </summary>
public sealed partial class SlackInteractions(
    CardFactory cards, SlackApiClient slack, SlackInstallations installations, SlackAfterAck afterAck, SlackInbox inbox, SlackClicks clicks,
    ILogger<SlackInteractions> logger)
{
    public const string CallbackId = "coachloop.action";

    /// <summary>How long views.open may take: the trigger_id lives 3 seconds from the click.</summary>
    public static readonly TimeSpan TriggerBudget = TimeSpan.FromMilliseconds(2500);

    public async Task<IResult> HandleAsync(JsonObject payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SlackJson.Str(payload, "type") switch
        {
            "block_actions" => await BlockActionsAsync(payload, ct).ConfigureAwait(false),
            "view_submission" => await ViewSubmissionAsync(payload, ct).ConfigureAwait(false),
            "block_suggestion" => TypedResults.Json(new { options = Array.Empty<object>() }),
            _ => TypedResults.Ok(),
        };
    }

    private async Task<IResult> BlockActionsAsync(JsonObject payload, CancellationToken ct)
    {
        var action = (payload["actions"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var actionId = SlackJson.Str(action, "action_id") ?? "";
        if (!BlockKitCardRef.TryParse(SlackJson.Str(action, "block_id"), out var cardRef))
        {
            LogNotOurs(logger, actionId);
            return TypedResults.Ok();
        }

        var team = Team(payload);
        var user = SlackJson.Str(payload, "user.id") ?? "";
        var trigger = SlackJson.Str(payload, "trigger_id") ?? Guid.NewGuid().ToString("N");
        var channel = SlackJson.Str(payload, "container.channel_id") ?? SlackJson.Str(payload, "channel.id");
        var data = new Dictionary<string, string>(cardRef.ToData(), StringComparer.Ordinal);
        var verb = actionId;
        var separator = actionId.IndexOf(BlockKitActions.SelectSeparator, StringComparison.Ordinal);
        if (separator > 0)
        {
            verb = actionId[..separator];
            data[actionId[(separator + 1)..]] = SlackJson.Str(action, "selected_option.value") ?? "";
            await inbox.StoreAsync(new SlackClick(team, user, verb, data, trigger, channel), ct).ConfigureAwait(false);
            return TypedResults.Ok();
        }

        var click = new SlackClick(team, user, verb, data, trigger, channel, SlackJson.Str(payload, "view.type") == "home");
        if (SlackJson.Str(action, "value") == BlockKitActions.RunsAtOnce)
        {
            // Stored before the ack; a retry of the same click (same trigger_id) finds it stored and is only acknowledged.
            await inbox.StoreAsync(click, ct).ConfigureAwait(false);
            return TypedResults.Ok();
        }

        // A form button, or a button of a card rendered before buttons said which kind they are (only the card knows): decided
        // after the ack. Opening a form changes nothing, so this lane stays in memory: a form lost to a crash is a click the user
        // repeats, not an acknowledged change lost.
        return new SlackAckThen(afterAck, (services, token) => services.GetRequiredService<SlackInteractions>().OpenFormOrRunAsync(click, cardRef, token));
    }

    /// <summary>After the ack: open the action's form on the click's trigger_id, or, for an action without inputs, run it.</summary>
    internal async Task OpenFormOrRunAsync(SlackClick click, BlockKitCardRef cardRef, CancellationToken ct)
    {
        if (await cards.BuildAsync(cardRef.Kind, cardRef.SubjectId, ct).ConfigureAwait(false) is not { } card
            || card.Actions.FirstOrDefault(a => a.Verb == click.Verb) is not { Inputs.Count: > 0 } withInputs)
        {
            // No form (an older card, or the action lost its inputs): the click is stored and run as any other (the chat core
            // answers a stale or unknown card there).
            await inbox.StoreAsync(click, ct).ConfigureAwait(false);
            return;
        }

        var metadata = new JsonObject { ["r"] = cardRef.ToString(), ["verb"] = click.Verb, ["ch"] = click.Channel }.ToJsonString();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TriggerBudget);
        try
        {
            if (await installations.ForKeyAsync(click.Team, budget.Token).ConfigureAwait(false) is not { Revoked: null } workspace)
            {
                LogModalFailed(logger, click.Verb, "no installation serves this workspace");
                return;
            }

            var opened = await slack.OpenViewAsync(workspace.Token, click.Key, BlockKitModal.Build(card, withInputs, CallbackId, metadata), budget.Token)
                .ConfigureAwait(false);
            if (!opened.Ok)
            {
                LogModalFailed(logger, click.Verb, opened.Describe());
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The trigger is dead after 3 s: a later views.open could only fail.
            LogModalFailed(logger, click.Verb, "views.open took too long");
        }
    }

    private async Task<IResult> ViewSubmissionAsync(JsonObject payload, CancellationToken ct)
    {
        var view = payload["view"] as JsonObject;
        var metadata = SlackJson.Parse(SlackJson.Str(view, "private_metadata"));
        if (SlackJson.Str(view, "callback_id") != CallbackId || !BlockKitCardRef.TryParse(SlackJson.Str(metadata, "r"), out var cardRef))
        {
            // Not one of our forms: an empty 200 closes it.
            return TypedResults.Ok();
        }

        var data = new Dictionary<string, string>(cardRef.ToData(), StringComparer.Ordinal);
        var inputIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (blockId, block) in view?["state"]?["values"] as JsonObject ?? [])
        {
            inputIds.Add(blockId);
            foreach (var (actionId, element) in block as JsonObject ?? [])
            {
                if (ValueOf(element) is { } value)
                {
                    data[actionId] = value;
                }
            }
        }

        var click = new SlackClick(Team(payload), SlackJson.Str(payload, "user.id") ?? "", SlackJson.Str(metadata, "verb") ?? "", data,
            SlackJson.Str(payload, "trigger_id") ?? SlackJson.Str(view, "id") ?? Guid.NewGuid().ToString("N"), null);
        var result = await clicks.RunAsync(click, ct).ConfigureAwait(false);
        if (result.Outcome == ActionOutcome.Done)
        {
            return TypedResults.Ok();
        }

        var inline = (result.Errors ?? new Dictionary<string, string>()).Where(e => inputIds.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        if (result.Outcome == ActionOutcome.Invalid && inline.Count > 0)
        {
            return TypedResults.Json(new { response_action = "errors", errors = inline });
        }

        var title = result.Outcome == ActionOutcome.Refused ? "Not allowed" : "Nothing changed";
        return TypedResults.Json(new { response_action = "update", view = BlockKitModal.Notice(title, result.Message) });
    }

    /// <summary>The value of one element in <c>view.state.values</c>, by element type.</summary>
    internal static string? ValueOf(JsonNode? element) => SlackJson.Str(element, "type") switch
    {
        "static_select" or "radio_buttons" or "external_select" => SlackJson.Str(element, "selected_option.value"),
        "datepicker" => SlackJson.Str(element, "selected_date"),
        "timepicker" => SlackJson.Str(element, "selected_time"),
        "users_select" => SlackJson.Str(element, "selected_user"),
        "conversations_select" => SlackJson.Str(element, "selected_conversation"),
        "channels_select" => SlackJson.Str(element, "selected_channel"),
        _ => SlackJson.Str(element, "value"),
    };

    /// <summary>The installation the click belongs to: the org for an org-wide install, else the workspace.</summary>
    private static string Team(JsonObject payload) => SlackInstallKey.OfInteraction(payload);

    [LoggerMessage(LogLevel.Information, "Ignored Slack action {ActionId}: not from a CoachLoop card")]
    private static partial void LogNotOurs(ILogger logger, string actionId);

    [LoggerMessage(LogLevel.Warning, "Slack did not open the {Verb} form: {Error}")]
    private static partial void LogModalFailed(ILogger logger, string verb, string error);
}
