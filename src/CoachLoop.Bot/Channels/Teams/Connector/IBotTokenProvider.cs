namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>The bot's own bearer token for Connector calls (client credentials), cached until shortly before it expires.</summary>
public interface IBotTokenProvider
{
    /// <returns>The access token, or null in development mode (no credentials: calls go out without a token).</returns>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken ct);
}
