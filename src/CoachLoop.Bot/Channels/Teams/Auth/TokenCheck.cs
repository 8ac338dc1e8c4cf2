namespace CoachLoop.Bot.Channels.Teams.Auth;

/// <summary>The verdict on an inbound request: accepted (401/403 otherwise), and why not, for the log only.</summary>
public sealed record TokenCheck(int Status, string Reason, string? ServiceUrlClaim = null)
{
    public bool Accepted => Status == 200;

    public static TokenCheck Ok(string? serviceUrl) => new(200, "ok", serviceUrl);

    public static TokenCheck Unauthorized(string reason) => new(401, reason);

    public static TokenCheck Forbidden(string reason) => new(403, reason);
}
