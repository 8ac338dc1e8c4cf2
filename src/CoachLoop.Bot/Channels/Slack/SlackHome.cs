using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards.BlockKit;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The App Home tab (<see href="https://api.slack.com/surfaces/app-home">App Home</see>), published with
/// <see href="https://api.slack.com/methods/views.publish">views.publish</see> each time the person opens it: their open items.
/// </summary>
public sealed class SlackHome(SlackPeople people, SlackOpenItems items, SlackApiClient slack)
{
    public async Task PublishAsync(string team, string userId, CancellationToken ct)
    {
        var person = await people.ResolveAsync(team, userId, ct).ConfigureAwait(false);
        var view = person is null
            ? Build("CoachLoop", null)
            : Build($"CoachLoop for {person.Name}", await items.LoadAsync(person, ct).ConfigureAwait(false));
        await slack.PublishViewAsync(userId, view, ct).ConfigureAwait(false);
    }

    /// <summary>The home view; null items means the Slack user is not in CoachLoop's directory.</summary>
    public static JsonObject Build(string title, OpenItems? items)
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "header", ["text"] = BlockKitText.Plain(title, BlockKitText.MaxHeader) } };
        if (items is null)
        {
            blocks.Add(Section("Your Slack account is not linked to a CoachLoop person yet. Ask your CoachLoop admin to add your work email to the directory."));
        }
        else if (items.IsManager)
        {
            List(blocks, "Approvals waiting", items.ApprovalsWaiting, "No practice waits for your approval.");
            List(blocks, "Follow-ups due", items.FollowUpsDue, "No follow-up is due.");
            List(blocks, "Your team's open flags", items.TeamFlags, "Your team has no open flags.");
        }
        else
        {
            List(blocks, "Your open flags", items.MyFlags, "You have no open flags. Nice work.");
            List(blocks, "Your disputes", items.MyDisputes, "You have no disputes.");
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(BlockKitText.Markdown("Cards arrive in your DMs and your team's channel. Type `/coach help` for commands.", BlockKitText.MaxContextText)),
        });
        return new JsonObject { ["type"] = "home", ["callback_id"] = "coachloop.home", ["blocks"] = blocks };
    }

    private static void List(JsonArray blocks, string heading, IReadOnlyList<string> lines, string none)
    {
        blocks.Add(new JsonObject { ["type"] = "divider" });
        blocks.Add(Section($"*{heading}* ({lines.Count})"));
        if (lines.Count == 0)
        {
            blocks.Add(Section("_" + none + "_"));
            return;
        }

        foreach (var line in lines.Take(SlackOpenItems.MaxLines))
        {
            blocks.Add(Section(line));
        }

        if (lines.Count > SlackOpenItems.MaxLines)
        {
            blocks.Add(Section($"_and {lines.Count - SlackOpenItems.MaxLines} more_"));
        }
    }

    private static JsonObject Section(string markup) =>
        new() { ["type"] = "section", ["text"] = BlockKitText.Verbatim(markup, BlockKitText.MaxSectionText) };
}
