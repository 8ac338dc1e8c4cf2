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
}
