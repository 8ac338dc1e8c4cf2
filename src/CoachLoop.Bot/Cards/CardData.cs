namespace CoachLoop.Bot.Cards;

/// <summary>The keys every card action's data carries, so a click names its card and the card's version.</summary>
public static class CardData
{
    public const string Kind = "kind";
    public const string SubjectId = "subjectId";
    public const string Version = "v";
}
