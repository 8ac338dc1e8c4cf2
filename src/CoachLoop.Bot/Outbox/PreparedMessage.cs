using CoachLoop.Bot.Cards;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Outbox;

/// <summary>A claimed message with its card post: the outcome when nothing is to be sent, else the current card.</summary>
public sealed record PreparedMessage(OutboxMessage Message, CardPost Post, SendResult? Answer, Card? Card);
