namespace CoachLoop.Data.Records;

/// <summary>A bearer key of the machine API. Only its SHA-256 hash is stored; the prefix helps people tell keys apart.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
