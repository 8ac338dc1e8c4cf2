namespace CoachLoop.Bot.Cards;

/// <summary>
/// A channel-neutral description of one card: what it says and what can be done from it. Built from
/// Engine state by one builder per card kind; rendered to Adaptive Cards 1.5 (Teams, web) or Block Kit
/// (Slack) by pure renderers.
/// </summary>
/// <param name="Kind">The card kind (see <see cref="CardKinds"/>).</param>
/// <param name="SubjectId">The flag or dispute the card is about.</param>
/// <param name="Version">The subject's revision when the card was built; actions carry it so stale clicks are recognised.</param>
/// <param name="Title">First line, e.g. "Compliance: Recorded-line disclosure".</param>
/// <param name="Subtitle">Second line: who and which call.</param>
/// <param name="Tone">How loud the card looks.</param>
/// <param name="Facts">Label/value pairs: criterion line, weight, score vs threshold, follow-up date.</param>
/// <param name="Quote">The evidence, with its timestamp in the call.</param>
/// <param name="Trend">The agent's recent scores on the criterion.</param>
/// <param name="Sections">Headed paragraphs: expected behaviour, suggested practice, the dispute reason.</param>
/// <param name="Status">Where the subject stands now: "Practice approved by Morgan Lee, 20 Nov 10:02 UTC".</param>
/// <param name="Actions">What the viewer may do next; empty once nothing applies.</param>
/// <param name="FallbackText">Plain text for notifications and clients that cannot render the card.</param>
public sealed record Card(
    string Kind,
    Guid SubjectId,
    int Version,
    string Title,
    string? Subtitle,
    CardTone Tone,
    IReadOnlyList<CardFact> Facts,
    CardQuote? Quote,
    CardTrend? Trend,
    IReadOnlyList<CardSection> Sections,
    string? Status,
    IReadOnlyList<CardAction> Actions,
    string FallbackText)
{
    /// <summary>Who did what and when, oldest first: a card keeps its history as it changes state.</summary>
    public IReadOnlyList<CardHistoryEntry> History { get; init; } = [];

    /// <summary>
    /// Who the buttons are for ("For Morgan Lee and the team's coaches"), shown where one message is shared by everyone
    /// (Slack); null when the card has no buttons.
    /// </summary>
    public string? ActionsFor { get; init; }

    /// <summary>Where the subject stands, in a word or two ("Resolved", "Practice approved"), shown before the title.</summary>
    public string? Badge { get; init; }

    /// <summary>
    /// A list of subjects, each with its own buttons (a group of flags, open flags, a digest): every row's actions carry that
    /// row's own kind, subject id and version, so the one action pipeline acts on each and stale checks still hold.
    /// </summary>
    public IReadOnlyList<CardRow> Rows { get; init; } = [];

    /// <summary>
    /// Pictures (trend charts) shown where the channel can show an image: inline in the email, in the web channel. Each carries its
    /// own alt text; the card's text parts already say the same in words, so a channel without images loses nothing but the picture.
    /// </summary>
    public IReadOnlyList<CardImage> Images { get; init; } = [];

    /// <summary>The card as seen by someone who may or may not act on it: the same card without buttons when they may not.</summary>
    public Card ForViewer(bool mayAct) => mayAct ? this : this with
    {
        Actions = [], ActionsFor = null, Rows = [.. Rows.Select(r => r with { Actions = [.. r.Actions.Where(a => a.Verb == CardVerbs.OpenCard)] })],
    };

    /// <summary>The title as shown, badge first: "Resolved · Coaching: Empathy".</summary>
    public string DisplayTitle => Badge is null ? Title : $"{Badge} \u00b7 {Title}";
}

/// <summary>One line of a card's history: "Practice approved by Morgan Lee, 30 Nov 04:38 UTC".</summary>
public sealed record CardHistoryEntry(string What, string Who, DateTimeOffset At, string? Detail = null);

/// <summary>The kinds of card, also used as the <c>kind</c> field of action data; the outbox stores the same names.</summary>
public static class CardKinds
{
    public const string Flag = Data.Outbox.CardKindNames.Flag;
    public const string AgentScore = Data.Outbox.CardKindNames.AgentScore;
    public const string Dispute = Data.Outbox.CardKindNames.Dispute;
    public const string Notice = Data.Outbox.CardKindNames.Notice;

    /// <summary>A person's open flags as one actionable list; its subject id is the viewer's person id. Built on demand, never stored.</summary>
    public const string OpenFlags = "open-flags";
}

public enum CardTone
{
    Default,
    Urgent,
    Attention,
    Good,
}

public sealed record CardFact(string Label, string Value);

public sealed record CardQuote(string Text, string? Timestamp);

/// <summary>Recent scores, oldest first, and the threshold they are judged against.</summary>
public sealed record CardTrend(IReadOnlyList<decimal> Scores, decimal Threshold)
{
    private static readonly char[] Bars = ['\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'];

    /// <summary>A text sparkline on a 0-100 scale, e.g. "▂▃▂▁" (renders in every channel).</summary>
    public string Sparkline => string.Concat(Scores.Select(s => Bars[(int)Math.Clamp(Math.Floor(s / 100m * (Bars.Length - 1) + 0.5m), 0, Bars.Length - 1)]));
}

public sealed record CardSection(string Heading, string Text);

/// <summary>
/// A button. Actions with inputs open a small form first (Action.ShowCard in Adaptive Cards, a modal
/// in Slack). <see cref="Data"/> always carries the card kind, subject id and version.
/// </summary>
public sealed record CardAction(
    string Verb,
    string Title,
    CardActionStyle Style,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<CardInput> Inputs);

public enum CardActionStyle
{
    Default,
    Primary,
    Destructive,
}

/// <summary>A form field of an action. Ids are the keys the values come back under.</summary>
public sealed record CardInput(
    string Id,
    string Label,
    CardInputKind Kind,
    bool Required,
    string? Value = null,
    IReadOnlyList<CardChoice>? Choices = null,
    int? MaxLength = null,
    string? Placeholder = null,
    string? ErrorMessage = null);

public enum CardInputKind
{
    Text,
    MultilineText,
    Choice,
    Date,
}

public sealed record CardChoice(string Title, string Value);
