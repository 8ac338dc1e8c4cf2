using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>Cards as the card builders would make them. Every default is a valid card; tests change one thing with <c>with</c>.</summary>
public static class SampleCards
{
    public static readonly Guid SubjectId = Guid.Parse("01937a1e-7c2b-7d4e-9f10-2a3b4c5d6e7f");

    public const int Version = 3;

    public static Card Minimal(CardTone tone = CardTone.Default) => new(
        CardKinds.Flag, SubjectId, Version, "Compliance: Recorded-line disclosure", "Ana Costa, call-1 on 20 Nov", tone,
        Facts: [], Quote: null, Trend: null, Sections: [], Status: null, Actions: [],
        FallbackText: "Compliance flag for Ana Costa: recorded-line disclosure missed on call-1.");

    public static Card Full(CardTone tone = CardTone.Urgent) => Minimal(tone) with
    {
        Facts = [new("Criterion", "Recorded-line disclosure"), new("Score", "0 (threshold 100)"), new("Follow-up", "27 Nov")],
        Quote = new("That's just our policy. You'll need to pay the fee by Friday.", "00:12:04"),
        Trend = new([52m, 58m, 47m, 45m], 60m),
        Sections = [new("Expected behaviour", "State that the line is recorded within 15 seconds."), new("Suggested practice", "Role-play the opening twice.")],
        Status = "Practice approved by Morgan Lee, 20 Nov 10:02 UTC",
        Actions =
        [
            Action(CardVerbs.ApprovePractice, "Approve practice", CardActionStyle.Primary),
            Action(CardVerbs.SwapScenario, "Swap scenario", CardActionStyle.Default, Scenario),
            Action(CardVerbs.LogSession, "Log session", CardActionStyle.Default, EveryInputKind),
            Action(CardVerbs.Dismiss, "Dismiss", CardActionStyle.Destructive, Reason),
        ],
    };

    public static IReadOnlyDictionary<string, string> Data(string? extraKey = null, string? extraValue = null)
    {
        var data = new Dictionary<string, string> { ["kind"] = CardKinds.Flag, ["subjectId"] = SubjectId.ToString(), ["v"] = "3" };
        if (extraKey is not null)
        {
            data[extraKey] = extraValue ?? "";
        }

        return data;
    }

    public static CardAction Action(string verb, string title, CardActionStyle style = CardActionStyle.Default, params CardInput[] inputs) =>
        new(verb, title, style, Data(), inputs);

    public static CardInput Reason { get; } = new("reason", "Why dismiss it?", CardInputKind.MultilineText, Required: true, MaxLength: 500);

    public static CardInput Scenario { get; } = new("scenario", "Scenario", CardInputKind.Choice, Required: true, Value: "fee",
        Choices: [new("Fee dispute", "fee"), new("Angry caller", "angry")], Placeholder: "Pick one");

    public static CardInput[] EveryInputKind { get; } =
    [
        new("ticket", "Ticket", CardInputKind.Text, Required: false, Value: "ABC-1", MaxLength: 40, Placeholder: "ABC-123",
            ErrorMessage: "Use the ticket number"),
        new("note", "What did you practise?", CardInputKind.MultilineText, Required: true, MaxLength: 1000, Placeholder: "A sentence or two"),
        Scenario,
        new("when", "Session date", CardInputKind.Date, Required: true, Value: "2026-11-27", ErrorMessage: "Pick the day of the session"),
    ];

    /// <summary>Many plain buttons, verbs taken in order from <see cref="CardVerbs.All"/>.</summary>
    public static Card WithActions(int count) => Minimal() with
    {
        Actions = Enumerable.Range(0, count).Select(i => Action(CardVerbs.All[i % CardVerbs.All.Count], $"Action {i + 1}")).ToList(),
    };
}
