using System.Globalization;
using CoachLoop.Engine.Coaching;

namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// Sets the QA system's score on a criterion beside CoachLoop's script check of it: where one passes and the other fails,
/// the finding carries the disagreement (a calibration signal for QA leads, counted in the digest).
/// </summary>
public static class ScriptVerdict
{
    public static TranscriptFinding? Compare(CriterionGap gap, TranscriptFinding? finding)
    {
        ArgumentNullException.ThrowIfNull(gap);
        if (finding is null || finding.Passed != gap.Fails)
        {
            return finding;
        }

        var score = gap.Score.ToString("0.##", CultureInfo.InvariantCulture);
        return finding with
        {
            Disagreement = finding.Passed
                ? $"QA score {score} failed but the script check found {gap.Criterion.Name} {finding.Summary}"
                : $"QA score {score} passed but {gap.Criterion.Name} was {finding.Summary}",
        };
    }
}
