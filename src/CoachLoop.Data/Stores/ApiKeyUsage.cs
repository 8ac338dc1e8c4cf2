using System.Collections.Concurrent;

namespace CoachLoop.Data.Stores;

/// <summary>
/// When this host last wrote a key's <c>last_used_at</c>, so that it writes it at most once per <see cref="Resolution"/>
/// per key instead of once per request (the value is "last used" to within that much).
/// </summary>
public sealed class ApiKeyUsage
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private const int MaxKeys = 4096;

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _written = new();

    /// <summary>True for the one caller that should write the key's use now; the time is taken as written.</summary>
    public bool ShouldWrite(Guid keyId, DateTimeOffset now)
    {
        if (_written.Count >= MaxKeys)
        {
            _written.Clear();
        }

        while (true)
        {
            if (!_written.TryGetValue(keyId, out var last))
            {
                if (_written.TryAdd(keyId, now))
                {
                    return true;
                }
            }
            else if (now - last < Resolution)
            {
                return false;
            }
            else if (_written.TryUpdate(keyId, now, last))
            {
                return true;
            }
        }
    }
}
