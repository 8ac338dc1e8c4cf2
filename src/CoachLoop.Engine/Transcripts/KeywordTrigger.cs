namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// Words that must never be said, or that signal risk: a hit raises a keyword flag quoting the segment. A trigger belongs to
/// the criterion the flag is coached on, so its card carries an expected behaviour and a practice.
/// </summary>
/// <param name="Label">What the hit means, shown on the flag: "legal threat".</param>
/// <param name="Phrases">Any one of them is a hit.</param>
/// <param name="Speaker">Whose words count; anyone by default.</param>
public sealed record KeywordTrigger(
    string Label,
    IReadOnlyList<string> Phrases,
    SpeakerScope Speaker = SpeakerScope.Any,
    KeywordSeverity Severity = KeywordSeverity.Urgent,
    decimal MinSimilarity = ScriptCheck.DefaultMinSimilarity);
