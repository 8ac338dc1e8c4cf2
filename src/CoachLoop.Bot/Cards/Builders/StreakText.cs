using System.Globalization;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>The calls of a pattern flag's streak in one line: "4471 (12 Nov 10:02, 45), 4473 (12 Nov 14:40, 50)".</summary>
internal static class StreakText
{
    public const string Heading = "Calls in this streak";

    public static string Describe(IEnumerable<StreakCall> calls) =>
        string.Join(", ", calls.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.CallId} ({c.CallTime.ToUniversalTime():d MMM HH:mm}, {CardText.Number(c.Score)})")));
}
