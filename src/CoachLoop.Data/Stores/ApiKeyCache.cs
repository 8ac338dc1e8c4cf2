using System.Collections.Concurrent;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Keys verified against the database in the last <see cref="Lifetime"/>, by their SHA-256, so that a busy client does not
/// cost a query per request. Only keys found valid are remembered (a new key works at once, a wrong one is asked about every
/// time); a key revoked or rotated on this host is forgotten at once, one revoked through another host's database write is
/// refused here at the latest <see cref="Lifetime"/> later.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    /// <summary>How long a verified key is trusted without asking the database again: the bound on revocation by another host.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxKeys = 1024;

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Key, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public ApiKeyIdentity? Find(string hash)
    {
        if (!_verified.TryGetValue(hash, out var entry))
        {
            return null;
        }

        if (entry.Until > clock.GetUtcNow())
        {
            return entry.Key;
        }

        _verified.TryRemove(new KeyValuePair<string, (ApiKeyIdentity, DateTimeOffset)>(hash, entry));
        return null;
    }

    public void Remember(string hash, ApiKeyIdentity key)
    {
        if (_verified.Count >= MaxKeys)
        {
            _verified.Clear();
        }

        _verified[hash] = (key, clock.GetUtcNow() + Lifetime);
    }

    public void Forget(string hash) => _verified.TryRemove(hash, out _);
}
