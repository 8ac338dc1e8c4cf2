using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>What a typed command answers: a line of Markdown, then any cards (each its own message).</summary>
public sealed record TeamsAnswer(string Text, IReadOnlyList<Card> Cards)
{
    public static implicit operator TeamsAnswer(string text) => new(text, []);

    public static TeamsAnswer FromText(string text) => new(text, []);
}
