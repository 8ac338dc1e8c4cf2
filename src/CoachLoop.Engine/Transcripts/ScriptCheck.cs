namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// The wording a criterion requires, checked on the transcript. Any one of <paramref name="Phrases"/> satisfies it: they are
/// the approved wordings of one statement, not parts of it (a two-part disclosure is two criteria).
/// </summary>
/// <param name="Speaker">Whose words count; the agent by default.</param>
/// <param name="WithinSeconds">The window from the call's start the phrase must be said in; null: anywhere in the call.</param>
/// <param name="MinSimilarity">Word-level similarity (0-1) at which a phrase counts as said.</param>
public sealed record ScriptCheck(
    IReadOnlyList<string> Phrases,
    SpeakerScope Speaker = SpeakerScope.Agent,
    int? WithinSeconds = null,
    decimal MinSimilarity = ScriptCheck.DefaultMinSimilarity)
{
    /// <summary>Survives a misheard or merged word in a ten-word disclosure, not a paraphrase.</summary>
    public const decimal DefaultMinSimilarity = 0.8m;
}
