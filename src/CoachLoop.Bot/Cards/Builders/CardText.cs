using System.Globalization;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// How cards, digests and lists write times, days, numbers and counts: one format everywhere ("30 Nov 2026, 04:38 UTC",
/// "Fri 27 Nov 2026"), in every channel and renderer.
/// </summary>
internal static class CardText
{
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"1 call", "0 calls", "3 compliance flags": the noun agrees with the count.</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>Text typed by a person as one sentence: ends with exactly one full stop ("before any policy." never becomes "policy..").</summary>
    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.').TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '!' or '?' ? trimmed : trimmed + ".";
    }

    public static IReadOnlyDictionary<string, string> Data(string kind, Guid subjectId, int version) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CardData.Kind] = kind,
            [CardData.SubjectId] = subjectId.ToString(),
            [CardData.Version] = version.ToString(CultureInfo.InvariantCulture),
        };
}
