namespace CoachLoop.Bot.Api.OpenApi;

/// <summary>
/// The summary of each operation, by its name (<c>WithName</c>). An endpoint may carry its own (<c>WithSummary</c>),
/// which wins; the OpenAPI test refuses an operation with neither.
/// </summary>
internal static class OperationSummaries
{
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Health"] = "Whether the host is up, its database reachable and its schema version",
        ["PostScoredCalls"] = "Post one scored call, or a batch as {\"calls\": [...]}; a repeat of a stored call is answered, not stored twice",
        ["GetScoredCall"] = "The receipt of a stored scored call: its id, agent and the flags it raised",
        ["CreateRubricVersion"] = "Create a rubric, or the next version of an existing key (versions never change)",
        ["ListRubrics"] = "The latest version of every rubric",
        ["GetRubric"] = "The latest version of one rubric",
        ["GetRubricVersion"] = "One version of a rubric",
        ["UpsertPeople"] = "Upsert one person, or several as {\"people\": [...]}, all or nothing",
        ["ImportPeopleCsv"] = "Import people from CSV, all or nothing",
        ["ListPeople"] = "The directory, a page at a time in email order",
        ["ListFlags"] = "Flags, urgent first then newest, a page at a time, each with its agent, team and criterion",
        ["GetFlag"] = "One flag with its plan, its audited history and its peer example (named or not as cards are)",
        ["ListWorkshops"] = "Group workshops, newest scheduled first, a page at a time, each with its flags",
        ["GetWorkshop"] = "One group workshop: team, criterion, day, state and its flags",
        ["AgentScorecard"] = "An agent's scorecard over a period: per-criterion averages and trend, calls, flags and loop figures",
        ["CoachingLog"] = "The coaching log: every session in a period, as JSON pages or as one CSV download",
        ["ListOutbox"] = "Outbox messages with one status (dead letters by default), a page at a time",
        ["RetryOutboxMessage"] = "Send a dead-lettered message again",
        ["LinkTeamChannel"] = "Link a team to its manager channel in Slack or Teams",
        ["ListTeamChannels"] = "The teams linked to a channel of Slack or Teams",
        ["ListApiKeys"] = "Every API key with its name, prefix, role and dates, never the key or its hash (admin keys only)",
        ["CreateApiKey"] = "Create an API key; the secret is in this answer only (admin keys only)",
        ["RevokeApiKey"] = "Revoke an API key: refused at once on this host (admin keys only)",
        ["CreateWebhook"] = "Subscribe a URL to events; the signing secret (generated, or the one given) is in this answer only (admin keys only)",
        ["ListWebhooks"] = "Webhook subscriptions, oldest first, a page at a time, never their secrets (admin keys only)",
        ["GetWebhook"] = "One webhook subscription, without its secret (admin keys only)",
        ["UpdateWebhook"] = "Change a subscription's URL, events, description or secret, or disable it (admin keys only)",
        ["DeleteWebhook"] = "Delete a subscription; its queued deliveries are dropped (admin keys only)",
        ["TestWebhook"] = "Send a signed ping event to the subscription through the outbox (admin keys only)",
        ["ListWebhookDeliveries"] = "The subscription's delivery log, newest first: each event's state and attempts (admin keys only)",
        ["RotateApiKey"] = "Give an API key a new secret; the old one is refused at once on this host (admin keys only)",
    };
}
