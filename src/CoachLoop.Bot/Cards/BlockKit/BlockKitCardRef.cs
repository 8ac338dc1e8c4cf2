using System.Globalization;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// The card an interactive element belongs to, written into the <c>block_id</c> of the card's actions block (at most 255
/// characters, <see href="https://api.slack.com/reference/block-kit/blocks#actions">actions block</see>). The version in it also
/// gives every revision of a message new block ids, as Slack asks of updated messages.
/// </summary>
public sealed record BlockKitCardRef(string Kind, Guid SubjectId, int Version)
{
    private const string Prefix = "cl";

    public override string ToString() =>
        string.Join('|', Prefix, Kind, SubjectId.ToString("N"), Version.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, string> ToData() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CardData.Kind] = Kind,
        [CardData.SubjectId] = SubjectId.ToString(),
        [CardData.Version] = Version.ToString(CultureInfo.InvariantCulture),
    };

    public static BlockKitCardRef Of(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(card.Kind, card.SubjectId, card.Version);
    }

    /// <summary>The card an action's data names (kind, subjectId, v): a row's actions name the row's own subject.</summary>
    public static BlockKitCardRef? FromData(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.TryGetValue(CardData.Kind, out var kind) && kind.Length > 0
            && Guid.TryParse(data.GetValueOrDefault(CardData.SubjectId), out var id)
            && int.TryParse(data.GetValueOrDefault(CardData.Version), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            ? new(kind, id, version)
            : null;
    }

    public static bool TryParse(string? text, out BlockKitCardRef cardRef)
    {
        cardRef = new("", Guid.Empty, 0);
        var parts = (text ?? "").Split('|');
        if (parts.Length != 4 || parts[0] != Prefix || parts[1].Length == 0
            || !Guid.TryParseExact(parts[2], "N", out var id)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        cardRef = new(parts[1], id, version);
        return true;
    }
}
