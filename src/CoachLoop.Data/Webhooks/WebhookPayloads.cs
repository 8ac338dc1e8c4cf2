using System.Globalization;
using System.Text.Json.Nodes;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Data.Webhooks;

/// <summary>
/// The JSON body of an event (version <see cref="WebhookEventTypes.Version"/>): <c>id</c>, <c>type</c>, <c>version</c>,
/// <c>occurredAt</c> and <c>data</c> with the ids and fields an integrator needs without asking the API back. Names are
/// camelCase and statuses are spelt as the API spells them.
/// </summary>
public static class WebhookPayloads
{
    public static string Envelope(Guid id, string type, DateTimeOffset occurredAt, JsonObject data) => new JsonObject
    {
        ["id"] = id,
        ["type"] = type,
        ["version"] = WebhookEventTypes.Version,
        ["occurredAt"] = occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["data"] = data,
    }.ToJsonString();

    /// <summary>The data of an event about <paramref name="entity"/> raised by <paramref name="change"/>.</summary>
    public static JsonObject Data(AuditedEntity entity, StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var data = entity switch
        {
            Flag flag => FlagData(flag, change),
            Dispute dispute => DisputeData(dispute),
            _ => [],
        };
        data["action"] = change.Action;
        data["actor"] = new JsonObject
        {
            ["personId"] = change.Actor.PersonId,
            ["name"] = change.Actor.Name,
            ["role"] = Name(change.Actor.Role.ToString()),
            ["channel"] = change.Actor.Channel,
        };
        return data;
    }

    private static JsonObject FlagData(Flag flag, StateChange change)
    {
        var data = new JsonObject
        {
            ["flagId"] = flag.Id,
            ["kind"] = Name(flag.Kind.ToString()),
            ["urgent"] = flag.Urgent,
            ["status"] = Name(flag.Status.ToString()),
            ["previousStatus"] = change.Before is null ? null : Name(change.Before),
            ["agentId"] = flag.AgentId,
            ["teamId"] = flag.TeamId,
            ["scoredCallId"] = flag.ScoredCallId,
            ["callId"] = flag.CallId,
            ["callTime"] = flag.CallTime,
            ["criterionId"] = flag.CriterionId,
            ["score"] = flag.Score,
            ["threshold"] = flag.Threshold,
            ["cycle"] = flag.Cycle,
            ["followUpDate"] = flag.FollowUpDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["practice"] = flag.Plan.Practice,
            ["scenarioId"] = flag.Plan.Scenario?.Id,
        };
        switch (change.Action)
        {
            case "swap-scenario" or "approve-practice":
                data["swapped"] = change.Action == "swap-scenario";
                break;
            case "log-session" when flag.Session is { } session:
                data["session"] = new JsonObject
                {
                    ["heldOn"] = session.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["agreedBehaviour"] = session.AgreedBehaviour,
                    ["practice"] = session.Practice,
                };
                break;
            case "follow-up" or "follow-up-extended" when flag.LastFollowUp is { } result:
                data["followUp"] = new JsonObject
                {
                    ["baseline"] = result.Baseline,
                    ["after"] = result.After,
                    ["delta"] = result.Delta,
                    ["callsSince"] = result.CallsSince,
                    ["next"] = Name(result.Next.ToString()),
                    ["extended"] = change.Action == "follow-up-extended",
                };
                break;
            case "resolve" or "dismiss" or "withdraw":
                data["note"] = flag.ClosingNote;
                data["withdrawn"] = change.Action == "withdraw";
                break;
        }

        return data;
    }

    private static JsonObject DisputeData(Dispute dispute) => new()
    {
        ["disputeId"] = dispute.Id,
        ["flagId"] = dispute.FlagId,
        ["agentId"] = dispute.AgentId,
        ["scoredCallId"] = dispute.ScoredCallId,
        ["criterionId"] = dispute.CriterionId,
        ["status"] = Name(dispute.Status.ToString()),
        ["reason"] = dispute.Reason,
        ["deadline"] = dispute.Deadline,
        ["decisionNote"] = dispute.DecisionNote,
        ["decidedBy"] = dispute.DecidedBy,
    };

    // The API's spelling of an enum name (practiceApproved), so a receiver compares what it reads in both.
    private static string Name(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
