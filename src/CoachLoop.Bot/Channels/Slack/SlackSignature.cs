using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Slack's v0 request signature (<see href="https://api.slack.com/authentication/verifying-requests-from-slack">verifying
/// requests from Slack</see>): HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> with the signing secret, hex, prefixed
/// <c>v0=</c>. Compared in constant time; timestamps more than the allowed skew away from now (either way) are refused.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    private const string Version = "v0";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when the signature matches one of <paramref name="secrets"/> and the timestamp is fresh.</summary>
    public static bool IsValid(IReadOnlyList<string> secrets, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan maxSkew)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || !signature.StartsWith(Version + "=", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > maxSkew.TotalSeconds)
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(signature);
        var valid = false;
        foreach (var secret in secrets)
        {
            var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
            // Length is not secret; FixedTimeEquals returns false on a length mismatch without comparing.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }
}
