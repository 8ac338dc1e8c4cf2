using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CoachLoop.Bot.Channels.Teams.Auth;

/// <summary>
/// The keys of one OpenID issuer, with the Bot Framework's per-key <c>endorsements</c> (the channels a key may sign for).
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication">Bot Framework authentication</see>.
/// </summary>
public sealed record SigningKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements, DateTimeOffset FetchedAt)
{
    public static SigningKeys From(JsonWebKeySet set, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(set);
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (key.Kid is { } kid && key.AdditionalData.TryGetValue("endorsements", out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } list)
            {
                endorsements[kid] = list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
            }
        }

        return new(set.GetSigningKeys().ToList(), endorsements, now);
    }

    public bool Has(string? kid) => kid is not null && Keys.Any(k => k.KeyId == kid);
}
