using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Api;

/// <summary>
/// An API key as the API shows it: never its secret or hash, except <see cref="Key"/>, the new secret, in the answer to the
/// create or rotate that made it (shown once). <see cref="Prefix"/> is its first characters, to tell keys apart.
/// </summary>
internal sealed record ApiKeyDto(string Name, string Prefix, bool Admin, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static ApiKeyDto From(ApiKey key, string? secret = null) =>
        new(key.Name, key.Prefix, key.IsAdmin, key.CreatedAt, key.LastUsedAt, key.RotatedAt, key.RevokedAt, secret);
}
