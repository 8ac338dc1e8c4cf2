namespace CoachLoop.Data.Records;

/// <summary>
/// Something the scheduler tells someone: a digest, a reminder, a follow-up result, an escalation. The
/// <see cref="DedupeKey"/> is unique (e.g. <c>digest:{manager}:{local date}</c>), so however many hosts
/// run the schedule and however often it fires, each notice is made, and sent, once.
/// </summary>
public sealed class Notice
{
    public const string ToPerson = "person";
    public const string ToTeam = "team";

    public Guid Id { get; set; }
    public string DedupeKey { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary><see cref="ToPerson"/> (a direct message) or <see cref="ToTeam"/> (the team's manager channel).</summary>
    public string Audience { get; set; } = "";

    public Guid AudienceId { get; set; }
    public bool Urgent { get; set; }

    /// <summary>The notice's content as JSON, in the shape of its kind; rendered into a card when sent.</summary>
    public string Payload { get; set; } = "";

    /// <summary>False when the notice was deliberately not sent (a quiet day configured to send nothing).</summary>
    public bool Sent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
