using System.Globalization;
using System.Text;
using CoachLoop.Bot.Channels.Slack;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Signs requests the way Slack does, so the bot's real verifier runs in every test.</summary>
public static class SlackSigner
{
    public const string Secret = "test-signing-secret-0123456789ab";
    public const string OldSecret = "old-signing-secret-0123456789abcd";
    // A fake: shaped like nothing Slack issues, so it cannot be mistaken for a leaked token.
    public const string BotToken = "test-bot-token-not-a-secret-0000";

    public static HttpRequestMessage Json(string path, string json, DateTimeOffset at, string? secret = Secret) =>
        Sign(path, Encoding.UTF8.GetBytes(json), "application/json", at, secret);

    public static HttpRequestMessage Form(string path, string form, DateTimeOffset at, string? secret = Secret) =>
        Sign(path, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", at, secret);

    /// <summary>An interactivity request: one form field, payload, holding the JSON.</summary>
    public static HttpRequestMessage Payload(string json, DateTimeOffset at, string? secret = Secret) =>
        Form("/slack/interactions", "payload=" + Uri.EscapeDataString(json), at, secret);

    public static HttpRequestMessage Sign(string path, byte[] body, string contentType, DateTimeOffset at, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            var ts = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(SlackSignature.TimestampHeader, ts);
            request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, ts, body));
        }

        return request;
    }
}
