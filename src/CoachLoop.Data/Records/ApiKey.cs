namespace CoachLoop.Data.Records;

/// <summary>
/// A bearer key of the machine API. Only its SHA-256 hash is stored; the prefix helps people tell keys apart. Names are
/// unique for good (a revoked key keeps its name), so the audit rows that name a key always mean one key.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether the key may manage API keys (create, list, revoke, rotate).</summary>
    public bool IsAdmin { get; set; }

    /// <summary>When the key was last seen, to within <see cref="Stores.ApiKeyUsage.Resolution"/> (per host).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the current secret was issued by a rotation; null while it is the one made at creation.</summary>
    public DateTimeOffset? RotatedAt { get; set; }
}
