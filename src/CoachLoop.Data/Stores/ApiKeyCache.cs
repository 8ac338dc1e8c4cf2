using System.Collections.Concurrent;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Keys verified against the database in the last <see cref="Lifetime"/>, by their SHA-256, so that a busy client does not
/// cost a query per request. Only keys found valid are remembered (a new key works at once, a wrong one is asked about every
/// time); a key revoked in the database is refused by every host at the latest <see cref="Lifetime"/> later.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    /// <summary>How long a verified key is trusted without asking the database again: the bound on revocation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxKeys = 1024;

    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public string? Find(string hash)
    {
        if (!_verified.TryGetValue(hash, out var entry))
        {
            return null;
        }

        if (entry.Until > clock.GetUtcNow())
        {
            return entry.Name;
        }

        _verified.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(hash, entry));
        return null;
    }

    public void Remember(string hash, string name)
    {
        if (_verified.Count >= MaxKeys)
        {
            _verified.Clear();
        }

        _verified[hash] = (name, clock.GetUtcNow() + Lifetime);
    }
}
