using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The card part for a transcript finding: what the script check or keyword trigger found, the segment it quotes with its
/// offset and similarity, and whether the QA score disagreed. A section, so every renderer already shows it.
/// </summary>
public static class TranscriptSection
{
    /// <summary>"Script check" or "Keyword alert: legal threat", or null when the flag's call had no transcript finding.</summary>
    public static CardSection? For(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Transcript is not { } f)
        {
            return null;
        }

        var heading = f.Kind == TranscriptFindingKind.Keyword ? $"Keyword alert: {f.Label}" : f.Passed ? "Script check: said" : "Script check: failed";
        var said = f.Quote is null ? "" : $" \u201c{f.Quote}\u201d";
        var required = f.Kind == TranscriptFindingKind.Script ? $" Required: \u201c{f.Phrase}\u201d." : "";
        var disagreement = f.Disagreement is null ? "" : $" Disagrees with QA: {CardText.Sentence(f.Disagreement)}";
        return new CardSection(heading, $"{CardText.Sentence(Capitalised(f.Summary))}{said}{required}{disagreement}");
    }

    /// <summary>The keyword flag's title: "Keyword alert: legal threat".</summary>
    public static string? Title(ActionPlan plan) =>
        plan?.Transcript is { Kind: TranscriptFindingKind.Keyword, Label: { } label } ? $"Keyword alert: {label}" : null;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
