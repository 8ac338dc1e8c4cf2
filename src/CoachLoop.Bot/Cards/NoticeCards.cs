using System.Text.Json;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Cards;

/// <summary>Turns a stored scheduler notice back into its card: digests by their builder, the rest from their stored content.</summary>
internal static class NoticeCards
{
    public static Card Build(Notice notice) => notice.Kind == NoticeKinds.Digest
        ? DigestCardBuilder.Build(notice.Id, JsonSerializer.Deserialize<Digest>(notice.Payload, JsonColumn.Options)!)
        : JsonSerializer.Deserialize<NoticeContent>(notice.Payload, JsonColumn.Options)!.ToCard(CardKinds.Notice, notice.Id);
}
