using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Reads a Slack request's raw body (before any parsing, because the signature covers the exact bytes) and verifies it
/// with the current or the previous signing secret.
/// </summary>
public sealed partial class SlackInbound(IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackInbound> logger)
{
    /// <summary>The raw body, or null when it is too large.</summary>
    public async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var max = options.Value.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public bool Verify(HttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var valid = SlackSignature.IsValid(settings.SigningSecrets, request.Headers[SlackSignature.TimestampHeader],
            request.Headers[SlackSignature.SignatureHeader], body, clock.GetUtcNow(), settings.MaxClockSkew);
        if (!valid)
        {
            LogRejected(logger, request.Path);
        }

        return valid;
    }

    [LoggerMessage(LogLevel.Warning, "Rejected a request to {Path}: missing, stale or wrong Slack signature")]
    private static partial void LogRejected(ILogger logger, PathString path);
}
