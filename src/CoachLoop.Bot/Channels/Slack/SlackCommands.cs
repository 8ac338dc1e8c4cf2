using System.Text;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Bot.Channels.Slack.Installs;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The <c>/coach</c> <see href="https://api.slack.com/interactivity/slash-commands">slash command</see>: help, my flags, team,
/// digest now. Answers in the HTTP response (ephemeral, only the invoker sees it) from a few database reads, well within
/// Slack's 3000 ms; the first use by an unknown user also asks Slack for their email once, bounded by a short timeout.
/// </summary>
public sealed class SlackCommands(SlackPeople people, SlackOpenItems items, IOptions<SlackOptions> options)
{
    public static readonly TimeSpan LookupBudget = TimeSpan.FromMilliseconds(1500);

    public const string Help =
        "*CoachLoop* commands:\n`/coach my flags`: your open flags and disputes\n`/coach team`: your team's open flags, approvals waiting, follow-ups due\n`/coach digest now`: a short summary of your open items\n`/coach help`: this list";

    public async Task<IResult> HandleAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var command = form.GetValueOrDefault("command") ?? "";
        if (!string.Equals(command, options.Value.Command, StringComparison.OrdinalIgnoreCase))
        {
            return Reply($"CoachLoop does not answer {BlockKitText.Escape(command)}. Try `{options.Value.Command} help`.");
        }

        var text = string.Join(' ', (form.GetValueOrDefault("text") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (text is "" or "help")
        {
            return Reply(Help);
        }

        if (text is not ("my flags" or "team" or "digest now" or "digest"))
        {
            return Reply($"I don't know `{BlockKitText.Escape(text)}`.\n{Help}");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LookupBudget);
        Engine.People.Person? person;
        try
        {
            person = await people.ResolveAsync(SlackInstallKey.OfCommand(form), form.GetValueOrDefault("user_id") ?? "", budget.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Slack was slow to tell us who this is: answer now rather than miss the 3-second window.
            person = null;
        }

        if (person is null)
        {
            return Reply("Your Slack account is not linked to a CoachLoop person yet. Ask your CoachLoop admin to add your work email to the directory.");
        }

        var open = await items.LoadAsync(person, ct).ConfigureAwait(false);
        return text switch
        {
            "my flags" => Reply(Lines("Your open flags", open.MyFlags) + "\n" + Lines("Your disputes", open.MyDisputes)),
            "team" when !open.IsManager => Reply("`/coach team` is for managers, coaches and reviewers. Try `/coach my flags`."),
            "team" => Reply(Lines("Approvals waiting", open.ApprovalsWaiting) + "\n" + Lines("Follow-ups due", open.FollowUpsDue) + "\n"
                + Lines("Open flags", open.TeamFlags)),
            _ => Reply(Digest(open)),
        };
    }

    /// <summary>The digest for now: counts of what waits for the person (full digests are scheduled separately).</summary>
    public static string Digest(OpenItems open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return open.IsManager
            ? $"*Your digest now*: {CardText.Count(open.ApprovalsWaiting.Count, "approval")} waiting, {CardText.Count(open.FollowUpsDue.Count, "follow-up")} due, {CardText.Count(open.TeamFlags.Count, "open flag")} in your team."
            : $"*Your digest now*: {CardText.Count(open.MyFlags.Count, "open flag")}, {CardText.Count(open.MyDisputes.Count, "dispute")}.";
    }

    private static string Lines(string heading, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder().Append('*').Append(heading).Append("* (").Append(lines.Count).Append(')');
        foreach (var line in lines.Take(SlackOpenItems.MaxLines))
        {
            text.Append("\n\u2022 ").Append(line);
        }

        return text.ToString();
    }

    // The lines carry names and criterion text from the directory and the rubric: a verbatim section keeps a URL or a
    // channel name in them as text; the top-level text stays as the notification fallback.
    private static IResult Reply(string markup) =>
        TypedResults.Json(new
        {
            response_type = "ephemeral",
            text = BlockKitText.Clip(markup, BlockKitText.MaxSectionText),
            blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = BlockKitText.Verbatim(markup, BlockKitText.MaxSectionText) }),
        });
}
