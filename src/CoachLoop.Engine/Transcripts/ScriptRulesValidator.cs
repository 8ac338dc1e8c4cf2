using CoachLoop.Engine.Common;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Transcripts;

/// <summary>Refuses a rubric's script checks and keyword triggers field by field (<c>criteria[3].scriptCheck.phrases[0]</c>).</summary>
public static class ScriptRulesValidator
{
    /// <summary>Phrases per check or trigger, triggers per criterion, characters per phrase or label, and the longest window (a day).</summary>
    public const int MaxPhrases = 20, MaxTriggers = 100, MaxPhraseLength = 500, MaxLabel = 100, MaxWindowSeconds = 86_400;

    public static void ValidateCheck(List<ValidationError> errors, string path, Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(criterion);
        if (criterion.ScriptCheck is not { } check)
        {
            return;
        }

        path += ".scriptCheck";
        if (!criterion.IsCompliance || criterion.Mode != EvaluationMode.Script)
        {
            // A failed check raises the compliance flag: on a quality criterion it would have no rule to follow.
            errors.Add(new(path, "is only for a compliance criterion in script mode (kind compliance, mode script)"));
        }

        ValidatePhrases(errors, path, check.Phrases);
        if (check.WithinSeconds is < 1 or > MaxWindowSeconds)
        {
            errors.Add(new($"{path}.withinSeconds", $"must be between 1 and {MaxWindowSeconds}, was {check.WithinSeconds}; leave it out for anywhere in the call"));
        }

        ValidateCommon(errors, path, check.Speaker, check.MinSimilarity);
    }

    public static void ValidateTriggers(List<ValidationError> errors, string path, IReadOnlyList<KeywordTrigger>? triggers)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (triggers is null)
        {
            return;
        }

        if (triggers.Count > MaxTriggers)
        {
            errors.Add(new($"{path}.keywordTriggers", $"must hold at most {MaxTriggers} triggers, held {triggers.Count}"));
            return;
        }

        for (var i = 0; i < triggers.Count; i++)
        {
            var t = triggers[i];
            var at = $"{path}.keywordTriggers[{i}]";
            if (string.IsNullOrWhiteSpace(t.Label))
            {
                errors.Add(new($"{at}.label", "is required: what a hit means, e.g. \"legal threat\""));
            }

            TextLimits.Check(errors, $"{at}.label", t.Label, MaxLabel);
            ValidatePhrases(errors, at, t.Phrases);
            if (!Enum.IsDefined(t.Severity))
            {
                errors.Add(new($"{at}.severity", "must be urgent or review"));
            }

            ValidateCommon(errors, at, t.Speaker, t.MinSimilarity);
        }
    }

    private static void ValidatePhrases(List<ValidationError> errors, string path, IReadOnlyList<string>? phrases)
    {
        if (phrases is not { Count: > 0 })
        {
            errors.Add(new($"{path}.phrases", "needs at least one phrase"));
            return;
        }

        if (phrases.Count > MaxPhrases)
        {
            errors.Add(new($"{path}.phrases", $"must hold at most {MaxPhrases} phrases, held {phrases.Count}"));
            return;
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            if (TextLimits.Check(errors, $"{path}.phrases[{i}]", phrases[i], MaxPhraseLength))
            {
                continue;
            }

            if (phrases[i] is null || WordNormalizer.Words(phrases[i]).Count == 0)
            {
                errors.Add(new($"{path}.phrases[{i}]", "has no words to match"));
            }
        }
    }

    private static void ValidateCommon(List<ValidationError> errors, string path, SpeakerScope speaker, decimal minSimilarity)
    {
        if (!Enum.IsDefined(speaker))
        {
            errors.Add(new($"{path}.speaker", "must be any, agent or customer"));
        }

        if (minSimilarity is <= 0 or > 1)
        {
            errors.Add(new($"{path}.minSimilarity", $"must be more than 0 and at most 1, was {minSimilarity}"));
        }
    }
}
