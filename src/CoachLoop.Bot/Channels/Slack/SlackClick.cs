namespace CoachLoop.Bot.Channels.Slack;

/// <summary>A click or a form submission from Slack, reduced to what the chat core needs and where to answer the clicker.</summary>
/// <param name="Team">Workspace id (the action's tenant).</param>
/// <param name="UserId">The clicker's Slack user id.</param>
/// <param name="Verb">The card verb.</param>
/// <param name="Data">Card data (kind, subjectId, v) and input values.</param>
/// <param name="Key">Unique per click: the payload's trigger_id.</param>
/// <param name="Channel">Where the card was, for an ephemeral answer; null for modal and Home clicks.</param>
/// <param name="FromHome">Clicked in the App Home tab, which is published again afterwards so it shows the new state.</param>
public sealed record SlackClick(string Team, string UserId, string Verb, IReadOnlyDictionary<string, string> Data, string Key, string? Channel,
    bool FromHome = false);
