namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// What a transcript check found, kept in the flag's plan as its evidence (the transcript itself is not stored).
/// </summary>
/// <param name="Passed">Script: the phrase was said in time. Keyword: false, a hit.</param>
/// <param name="Phrase">The phrase closest to what was said.</param>
/// <param name="Quote">The segment(s) of the closest match, trimmed to 40 words; null when the speaker said nothing.</param>
/// <param name="Offset">Where that segment starts, e.g. 00:00:04.</param>
/// <param name="Similarity">Word-level similarity of the closest match, in whole percent (rounded down).</param>
/// <param name="Summary">"said at 00:00:04 (similarity 96%)", "not said in the first 30 s; closest ...".</param>
/// <param name="Disagreement">When the QA score and the script check disagree: "QA score 92 passed but ...".</param>
/// <param name="Label">Keyword: the trigger's label.</param>
/// <param name="Severity">Keyword: how the hit is flagged.</param>
public sealed record TranscriptFinding(
    TranscriptFindingKind Kind,
    bool Passed,
    string Phrase,
    string? Quote,
    string? Offset,
    int Similarity,
    string Summary,
    string? Disagreement = null,
    string? Label = null,
    KeywordSeverity? Severity = null);
