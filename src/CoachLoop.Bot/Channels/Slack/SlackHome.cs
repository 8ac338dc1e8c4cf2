using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The App Home tab (<see href="https://api.slack.com/surfaces/app-home">App Home</see>), published with
/// <see href="https://api.slack.com/methods/views.publish">views.publish</see> each time the person opens it and after each click
/// made from it: their open flags by state, each with the next step they may take and "Open card" (the same rows as the
/// open-flags card), and an agent's disputes.
/// </summary>
public sealed class SlackHome(SlackPeople people, SlackOpenItems items, CardFactory cards, SlackApiClient slack, SlackInstallations installations)
{
    /// <summary>A Home view holds at most 100 blocks; the header, list heading, disputes and footer take the rest.</summary>
    public const int RowBlockBudget = 80;

    /// <param name="team">The installation key of the request the Home is published for.</param>
    public async Task PublishAsync(string team, string userId, CancellationToken ct)
    {
        if (await installations.ForKeyAsync(team, ct).ConfigureAwait(false) is not { Revoked: null } workspace)
        {
            return;
        }

        var person = await people.ResolveAsync(team, userId, ct).ConfigureAwait(false);
        var view = person is null
            ? Build("CoachLoop", null, null, [])
            : Build($"CoachLoop for {person.Name}", person.Role, await cards.BuildOpenFlagsAsync(person.Id, ct).ConfigureAwait(false),
                person.Role == PersonRole.Agent ? (await items.LoadAsync(person, ct).ConfigureAwait(false)).MyDisputes : []);
        await slack.PublishViewAsync(workspace.Token, userId, view, ct).ConfigureAwait(false);
    }

    /// <summary>The home view; a null role means the Slack user is not in CoachLoop's directory.</summary>
    public static JsonObject Build(string title, PersonRole? role, Card? openFlags, IReadOnlyList<string> disputes)
    {
        ArgumentNullException.ThrowIfNull(disputes);
        var blocks = new JsonArray { new JsonObject { ["type"] = "header", ["text"] = BlockKitText.Plain(title, BlockKitText.MaxHeader) } };
        if (role is null)
        {
            blocks.Add(Section("Your Slack account is not linked to a CoachLoop person yet. Ask your CoachLoop admin to add your work email to the directory."));
        }
        else
        {
            var agent = role == PersonRole.Agent;
            var rows = openFlags?.Rows ?? [];
            blocks.Add(new JsonObject { ["type"] = "divider" });
            blocks.Add(Section($"*{(agent ? "Your open flags" : "Your team's open flags")}* ({rows.Count})"));
            if (rows.Count == 0)
            {
                blocks.Add(Section(agent ? "_You have no open flags. Nice work._" : "_Your team has no open flags._"));
            }

            foreach (var block in BlockKitRows.Build(rows, RowBlockBudget))
            {
                blocks.Add(block);
            }

            if (agent)
            {
                List(blocks, "Your disputes", disputes, "You have no disputes.");
            }
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
