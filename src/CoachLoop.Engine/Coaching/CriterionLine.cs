using System.Globalization;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Coaching;

/// <summary>Formats the line a coach reads first: "Empathy (25% weight) - scored 45, threshold 60".</summary>
public static class CriterionLine
{
    public static string Format(Criterion criterion, decimal score)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return string.Create(CultureInfo.InvariantCulture,
            $"{criterion.Name} ({N(criterion.Weight)}% weight) - scored {N(score)}, threshold {N(criterion.Threshold)}");
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
