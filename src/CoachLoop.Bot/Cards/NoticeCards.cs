using System.Text.Json;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Cards;

/// <summary>Turns a stored scheduler notice back into its card from its stored content (digests and group cards are built from current state instead).</summary>
internal static class NoticeCards
{
    public static Card Build(Notice notice) =>
        JsonSerializer.Deserialize<NoticeContent>(notice.Payload, JsonColumn.Options)!.ToCard(CardKinds.Notice, notice.Id);
}
