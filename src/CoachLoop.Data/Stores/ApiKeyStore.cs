using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Creates, lists, rotates, revokes and checks bearer keys. A plain key is shown once, when it is made; only its SHA-256 is
/// stored. Names are unique among all keys, revoked ones included.
/// </summary>
public sealed partial class ApiKeyStore(CoachLoopDbContext db, TimeProvider clock, ApiKeyCache? cache = null, ApiKeyUsage? usage = null)
{
    private const string KeyPrefix = "cl_";

    /// <summary>Why a name cannot be a key's name, or null when it can.</summary>
    public static string? NameError(string? name) =>
        name is not null && NameShape().IsMatch(name) ? null : "must be 1 to 100 letters, digits, '.', '_' or '-'";

    public Task<(ApiKey Key, string Secret)> CreateAsync(string name, CancellationToken ct = default) => CreateAsync(name, admin: false, ct);

    /// <exception cref="DomainException">api-key.name-taken: a key (perhaps revoked) already has the name.</exception>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, bool admin, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (NameError(name) is { } error)
        {
            throw new ArgumentException($"The key name {error}.", nameof(name));
        }

        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct).ConfigureAwait(false))
        {
            throw NameTaken(name);
        }

        var (secret, hash) = NewSecret();
        var key = new ApiKey { Id = Guid.CreateVersion7(), Name = name, Prefix = secret[..8], Hash = hash, CreatedAt = clock.GetUtcNow(), IsAdmin = admin };
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another host took the name between the check and the insert.
            db.Entry(key).State = EntityState.Detached;
            if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct).ConfigureAwait(false))
            {
                throw NameTaken(name);
            }

            throw;
        }

        return (key, secret);
    }

    /// <summary>Every key, oldest first, revoked ones included.</summary>
    public Task<List<ApiKey>> ListAsync(CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.Name).ToListAsync(ct);

    /// <summary>Revokes the key of that name (again: no change); null when there is none. It is refused on this host at once.</summary>
    public async Task<ApiKey?> RevokeAsync(string name, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == name, ct).ConfigureAwait(false);
        if (key is null || key.RevokedAt is not null)
        {
            return key;
        }

        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        cache?.Forget(key.Hash);
        return key;
    }

    /// <summary>Gives the key of that name a new secret (the old one is refused on this host at once); null when there is none.</summary>
    /// <exception cref="DomainException">api-key.revoked: a revoked key stays revoked.</exception>
    public async Task<(ApiKey Key, string Secret)?> RotateAsync(string name, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == name, ct).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        if (key.RevokedAt is not null)
        {
            throw new DomainException("api-key.revoked", $"The API key '{name}' is revoked; create a new key instead.");
        }

        var (secret, hash) = NewSecret();
        var old = key.Hash;
        (key.Hash, key.Prefix, key.RotatedAt) = (hash, secret[..8], clock.GetUtcNow());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        cache?.Forget(old);
        return (key, secret);
    }

    /// <summary>
    /// The key when the secret matches one that is not revoked (as of <see cref="ApiKeyCache.Lifetime"/> ago at most, or at
    /// once when it was revoked on this host); null otherwise. Records the use at most once per <see cref="ApiKeyUsage.Resolution"/>.
    /// </summary>
    public async Task<ApiKeyIdentity?> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Lookup is by hash, so comparing the secret itself never happens in variable time.
        var hash = Hash(secret);
        var key = cache?.Find(hash);
        if (key is null)
        {
            key = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Hash == hash && k.RevokedAt == null)
                .Select(k => new ApiKeyIdentity(k.Id, k.Name, k.IsAdmin))
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (key is not null)
            {
                cache?.Remember(hash, key);
            }
        }

        var now = clock.GetUtcNow();
        if (key is not null && usage is not null && usage.ShouldWrite(key.Id, now))
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct).ConfigureAwait(false);
        }

        return key;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static (string Secret, string Hash) NewSecret()
    {
        var secret = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (secret, Hash(secret));
    }

    private static DomainException NameTaken(string name) =>
        new("api-key.name-taken", $"An API key named '{name}' exists already (names stay taken after a key is revoked); choose another name.");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NameShape();
}
