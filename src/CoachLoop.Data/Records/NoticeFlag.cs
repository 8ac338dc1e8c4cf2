using System.Text.Json;

namespace CoachLoop.Data.Records;

/// <summary>
/// A flag a list notice (a group card, a digest) shows as a row: written with the notice, so a click on the flag finds the lists
/// to refresh through an index instead of searching the notices' payloads.
/// </summary>
public sealed class NoticeFlag
{
    public Guid NoticeId { get; set; }
    public Guid FlagId { get; set; }

    /// <summary>One link per distinct id the payload names (every string in its JSON that is a GUID, as a search of it would find).</summary>
    public static IReadOnlyList<NoticeFlag> In(Guid noticeId, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var ids = new HashSet<Guid>();
        using var document = JsonDocument.Parse(payload);
        Collect(document.RootElement, ids);
        return [.. ids.Select(id => new NoticeFlag { NoticeId = noticeId, FlagId = id })];
    }

    private static void Collect(JsonElement element, HashSet<Guid> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when Guid.TryParseExact(element.GetString(), "D", out var id):
                ids.Add(id);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, ids);
                }

                break;
        }
    }
}
