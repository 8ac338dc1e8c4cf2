using System.Security.Cryptography;
using System.Text;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>Creates and checks bearer keys. The plain key is shown once, at creation; only its SHA-256 is stored.</summary>
public sealed class ApiKeyStore(CoachLoopDbContext db, TimeProvider clock, ApiKeyCache? cache = null)
{
    private const string KeyPrefix = "cl_";

    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Prefix = secret[..8],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (key, secret);
    }

    /// <summary>The key's name when the secret matches a key that is not revoked (as of <see cref="ApiKeyCache.Lifetime"/> ago at most); null otherwise.</summary>
    public async Task<string?> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Lookup is by hash, so comparing the secret itself never happens in variable time.
        var hash = Hash(secret);
        if (cache?.Find(hash) is { } remembered)
        {
            return remembered;
        }

        var name = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => k.Name)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (name is not null)
        {
            cache?.Remember(hash, name);
        }

        return name;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
