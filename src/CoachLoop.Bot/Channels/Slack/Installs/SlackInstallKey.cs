using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// Which installation an inbound request belongs to, from the ids Slack puts in it (the same in HTTP bodies and Socket Mode
/// envelopes): an org-wide install (<c>is_enterprise_install</c>) is keyed by its enterprise id, whichever workspace of the org
/// the request came from; a workspace install by its team id.
/// </summary>
public static class SlackInstallKey
{
    public static string Of(string? enterpriseId, string? teamId, bool isEnterpriseInstall) =>
        (isEnterpriseInstall && !string.IsNullOrEmpty(enterpriseId) ? enterpriseId : !string.IsNullOrEmpty(teamId) ? teamId : enterpriseId) ?? "";

    /// <summary>An Events API envelope: team_id/enterprise_id, and is_enterprise_install from its authorization.</summary>
    public static string OfEvent(JsonObject envelope) =>
        Of(SlackJson.Str(envelope, "enterprise_id") ?? SlackJson.Str(FirstAuthorization(envelope), "enterprise_id"),
            SlackJson.Str(envelope, "team_id"),
            IsTrue(envelope["is_enterprise_install"]) || IsTrue(FirstAuthorization(envelope)?["is_enterprise_install"]));

    /// <summary>An interaction payload: team (null for an org-wide install), user.team_id, enterprise and is_enterprise_install.</summary>
    public static string OfInteraction(JsonObject payload) =>
        Of(SlackJson.Str(payload, "enterprise.id") ?? SlackJson.Str(payload, "team.enterprise_id"),
            SlackJson.Str(payload, "team.id") ?? SlackJson.Str(payload, "user.team_id") ?? SlackJson.Str(payload, "view.team_id"),
            IsTrue(payload["is_enterprise_install"]));

    /// <summary>Slash command fields; there is_enterprise_install is the string "true" or "false".</summary>
    public static string OfCommand(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Of(form.GetValueOrDefault("enterprise_id"), form.GetValueOrDefault("team_id"),
            string.Equals(form.GetValueOrDefault("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject? FirstAuthorization(JsonObject envelope) => (envelope["authorizations"] as JsonArray)?.FirstOrDefault() as JsonObject;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value
        && ((value.TryGetValue<bool>(out var flag) && flag) || (value.TryGetValue<string>(out var text) && text == "true"));
}
