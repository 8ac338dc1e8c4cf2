using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>
/// Typed commands: <c>help</c>, <c>my flags</c> (answered with cards to act on), <c>digest now</c>, and <c>link &lt;teamKey&gt;</c> in a
/// team channel. The bot's own
/// @mention is removed using the <c>mention</c> entities, not by guessing at the text. A message seen before (same activity id,
/// redelivered) is acknowledged and not answered twice.
/// </summary>
public sealed class MessageCommandHandler(TeamsCommands commands, BotConnectorClient connector, CoachLoopDbContext db, TimeProvider clock) : ITeamsHandler
{
    public string Name => ActivityTypes.Message;

    public bool CanHandle(Activity activity) => activity.Type == ActivityTypes.Message;

    public async Task<IResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Id is { } id && !await FirstTimeAsync($"teams:{activity.Conversation?.Id}:{id}", ct).ConfigureAwait(false))
        {
            return TypedResults.Ok();
        }

        var answer = await commands.RunAsync(activity, CommandText(activity), ct).ConfigureAwait(false);
        await TeamsReplies.ReplyAsync(connector, activity, answer.Text, ct).ConfigureAwait(false);
        foreach (var card in answer.Cards)
        {
            await TeamsReplies.SendCardAsync(connector, activity, card, ct).ConfigureAwait(false);
        }

        return TypedResults.Ok();
    }

    public static string CommandText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("type", out var type) && type.GetString() == "mention"
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.TryGetProperty("id", out var mid)
                && mid.GetString() == activity.Recipient?.Id && entity.TryGetProperty("text", out var markup) && markup.GetString() is { Length: > 0 } m)
            {
                text = text.Replace(m, "", StringComparison.Ordinal);
            }
        }

        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
    }

    private async Task<bool> FirstTimeAsync(string key, CancellationToken ct)
    {
        if (await db.InboundEvents.AnyAsync(e => e.Key == key, ct).ConfigureAwait(false))
        {
            return false;
        }

        db.InboundEvents.Add(new InboundEvent { Key = key, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            return false;
        }
    }
}
