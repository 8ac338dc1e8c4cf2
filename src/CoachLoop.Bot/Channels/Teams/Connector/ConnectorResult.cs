using System.Net;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>One Connector call's outcome: the status, the error code Teams gave (if any), the Retry-After it asked for, and the body.</summary>
public sealed record ConnectorResult(HttpStatusCode Status, string? ErrorCode, TimeSpan? RetryAfter, string Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>429, 412 and 5xx can succeed later; other failures cannot (Teams "Status codes from bot conversational APIs").</summary>
    public bool Transient => Status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)Status >= 500;

    public string Describe() => $"{(int)Status} {ErrorCode ?? Status.ToString()}";
}
