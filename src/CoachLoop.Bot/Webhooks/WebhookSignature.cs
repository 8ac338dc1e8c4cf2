using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// The signature scheme: HMAC-SHA256 with the subscription secret over "{timestamp}.{body}" (the timestamp in Unix seconds, the
/// body's exact bytes), sent as <c>CoachLoop-Signature: t={timestamp},v1={lowercase hex}</c>. A receiver recomputes it, compares in
/// constant time and refuses a timestamp older than its replay window (we advise 5 minutes).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "CoachLoop-Signature";
    public const string EventIdHeader = "CoachLoop-Event-Id";
    public const string EventTypeHeader = "CoachLoop-Event-Type";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: true when <paramref name="header"/> signs <paramref name="body"/> and is within the window.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan window)
    {
        if (header is null)
        {
            return false;
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > window.TotalSeconds)
        {
            return false;
        }

        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={t},v1={given}"));
    }
}
