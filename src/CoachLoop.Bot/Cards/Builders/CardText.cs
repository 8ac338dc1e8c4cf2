using System.Globalization;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>How cards write times, numbers and names.</summary>
internal static class CardText
{
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, string> Data(string kind, Guid subjectId, int version) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CardData.Kind] = kind,
            [CardData.SubjectId] = subjectId.ToString(),
            [CardData.Version] = version.ToString(CultureInfo.InvariantCulture),
        };
}
