using System.Globalization;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Transcripts;

/// <summary>Runs a rubric version's script checks and keyword triggers on a call's transcript.</summary>
public static class TranscriptChecks
{
    public static TranscriptResults Run(Rubric rubric, Transcript? transcript)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var compiled = RubricScripts.For(rubric);
        if (transcript is null || compiled.IsEmpty)
        {
            return TranscriptResults.None;
        }

        var index = new TranscriptIndex(transcript);
        var matcher = new PhraseMatcher();
        var scripts = new Dictionary<string, TranscriptFinding>(StringComparer.Ordinal);
        foreach (var (criterion, phrases) in compiled.Scripts)
        {
            scripts[criterion.Id] = CheckScript(criterion.ScriptCheck!, phrases, index, matcher);
        }

        var hits = new List<KeywordHit>();
        foreach (var (criterion, trigger, phrases) in compiled.Keywords)
        {
            if (FindKeyword(trigger, phrases, index, matcher) is { } finding)
            {
                hits.Add(new KeywordHit(criterion, trigger, finding));
            }
        }

        return new TranscriptResults(scripts, hits);
    }

    /// <summary>The finding of one script check: said in time, or not, with the closest match as evidence.</summary>
    public static TranscriptFinding CheckScript(ScriptCheck check, CompiledPhrase[] phrases, TranscriptIndex index, PhraseMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(matcher);
        var words = index.For(check.Speaker);
        var within = check.WithinSeconds is { } seconds ? words.CountWithin(index.Segments, TimeSpan.FromSeconds(seconds)) : words.Ids.Length;
        var min = (double)check.MinSimilarity;
        (CompiledPhrase Phrase, PhraseMatch Match) inside = (phrases[0], PhraseMatch.None), anywhere = (phrases[0], PhraseMatch.None);
        foreach (var phrase in phrases)
        {
            var (i, a) = matcher.Match(phrase, index, words, within);
            if (i.Found && (!inside.Match.Found || i.Similarity > inside.Match.Similarity))
            {
                inside = (phrase, i);
            }

            if (a.Found && (!anywhere.Match.Found || a.Similarity > anywhere.Match.Similarity))
            {
                anywhere = (phrase, a);
            }
        }

        var notInTime = check.WithinSeconds is { } w ? $"not said in the first {w} s" : "not said";
        if (inside.Match.Found && inside.Match.Similarity >= min)
        {
            return Finding(TranscriptFindingKind.Script, true, inside, index, words, $"said at {{0}} (similarity {{1}}%)");
        }

        if (!anywhere.Match.Found)
        {
            return new TranscriptFinding(TranscriptFindingKind.Script, false, phrases[0].Text, null, null, 0,
                $"{notInTime}: {Describe(check.Speaker)}");
        }

        // Said, but too late: the match outside the window is the evidence. Otherwise the closest attempt, in the window if any.
        var closest = anywhere.Match.Similarity >= min || !inside.Match.Found ? anywhere : inside;
        var how = anywhere.Match.Similarity >= min ? "said only at {0}" : "closest at {0}";
        return Finding(TranscriptFindingKind.Script, false, closest, index, words, $"{notInTime}; {how} (similarity {{1}}%)");
    }

    private static TranscriptFinding? FindKeyword(KeywordTrigger trigger, CompiledPhrase[] phrases, TranscriptIndex index, PhraseMatcher matcher)
    {
        var words = index.For(trigger.Speaker);
        (CompiledPhrase Phrase, PhraseMatch Match) best = (phrases[0], PhraseMatch.None);
        foreach (var phrase in phrases)
        {
            var (_, match) = matcher.Match(phrase, index, words, 0);
            if (match.Found && (!best.Match.Found || match.Similarity > best.Match.Similarity))
            {
                best = (phrase, match);
            }
        }

        if (!best.Match.Found || best.Match.Similarity < (double)trigger.MinSimilarity)
        {
            return null;
        }

        var speaker = index.Segments[words.Segments[best.Match.FirstWord]].Speaker == Speaker.Agent ? "the agent" : "the customer";
        return Finding(TranscriptFindingKind.Keyword, false, best, index, words, $"{speaker} said \"{best.Phrase.Text}\" at {{0}} (similarity {{1}}%)")
            with { Label = trigger.Label, Severity = trigger.Severity };
    }

    private static TranscriptFinding Finding(TranscriptFindingKind kind, bool passed, (CompiledPhrase Phrase, PhraseMatch Match) found,
        TranscriptIndex index, ScopeWords words, string format)
    {
        // Only the listened-to speaker's segments: a match across a customer's interjection quotes the agent's words.
        var segments = words.Segments.AsSpan(found.Match.FirstWord, found.Match.LastWord - found.Match.FirstWord + 1).ToArray().Distinct();
        var first = words.Segments[found.Match.FirstWord];
        var quote = QuoteTrimmer.Trim(string.Join(' ', segments.Select(s => index.Segments[s].Text)));
        var offset = index.Segments[first].StartText;
        var percent = (int)Math.Floor(found.Match.Similarity * 100 + 1e-9);
        return new TranscriptFinding(kind, passed, found.Phrase.Text, quote, offset, percent,
            string.Format(CultureInfo.InvariantCulture, format, offset, percent));
    }

    private static string Describe(SpeakerScope scope) => scope switch
    {
        SpeakerScope.Agent => "the agent said nothing in the transcript",
        SpeakerScope.Customer => "the customer said nothing in the transcript",
        _ => "the transcript has no words",
    };
}
