using System.Text.Json;

namespace CoachLoop.Data.Outbox;

/// <summary>The payload of a group card: the ids of the flags it holds, in arrival order.</summary>
public static class FlagGroup
{
    public const string Kind = "flag-group";

    public static string Serialize(IReadOnlyList<Guid> flagIds) => JsonSerializer.Serialize(flagIds);

    public static IReadOnlyList<Guid> Deserialize(string payload) => JsonSerializer.Deserialize<List<Guid>>(payload) ?? [];
}
