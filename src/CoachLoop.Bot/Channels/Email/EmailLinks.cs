using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Email;

/// <summary>
/// Where an email's buttons lead, since a mailbox cannot press them: to the Slack conversation that holds the same card when one
/// was posted there (Slack's <c>app_redirect?channel=</c> link opens it in the app or the browser), else to
/// <see cref="EmailOptions.ActionBaseUrl"/> (the web channel's public page). Teams has no link to a bot's message in a personal
/// chat that we can build from what the Bot Connector gives us (its conversation ids are not the chat thread ids that Teams' deep
/// links take), so Teams copies lead to the base URL too. With neither, the action is named as text ("in chat").
/// </summary>
public sealed class EmailLinks(CoachLoopDbContext db, IOptions<EmailOptions> options)
{
    public const string SlackRedirect = "https://slack.com/app_redirect";

    /// <summary>One read for all the subjects the card's buttons are about, then a pure lookup per button.</summary>
    public async Task<Func<CardAction, Uri?>> ForAsync(Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var actions = card.Actions.Concat(card.Rows.SelectMany(r => r.Actions)).ToList();
        var subjects = actions.Select(Subject).OfType<Guid>().Distinct().ToList();
        var slack = subjects.Count == 0 ? [] : await db.CardPosts.AsNoTracking()
            // Not the agent's own score card, which shares its flag's subject id but sits in the agent's DM.
            .Where(p => subjects.Contains(p.SubjectId) && p.Channel == ChatIdentity.Slack && p.MessageRef != null && p.CardKind != CardKinds.AgentScore)
            .Select(p => new { p.SubjectId, p.ConversationId })
            .ToListAsync(ct).ConfigureAwait(false);
        var conversations = slack.Where(p => IsSlackId(p.ConversationId)).GroupBy(p => p.SubjectId)
            .ToDictionary(g => g.Key, g => g.First().ConversationId);
        var fallback = options.Value.ActionBaseUrl is { } baseUrl ? new Uri(baseUrl, "web/") : null;
        return action => Subject(action) is { } id && conversations.TryGetValue(id, out var conversation)
            ? new Uri($"{SlackRedirect}?channel={Uri.EscapeDataString(conversation)}")
            : fallback;
    }

    private static Guid? Subject(CardAction action) =>
        action.Data.TryGetValue(CardData.SubjectId, out var text) && Guid.TryParse(text, out var id) ? id : null;

    // Channel (C), private group (G) and direct message (D) ids; placeholders such as person:{id} are not conversations yet.
    private static bool IsSlackId(string conversation) => conversation.Length > 1 && conversation[0] is 'C' or 'D' or 'G'
        && conversation.All(char.IsAsciiLetterOrDigit);
}
