using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Rubrics;

/// <summary>Lists every reason a rubric definition is refused, not just the first.</summary>
public static class RubricValidator
{
    /// <summary>Weights are percentages and must add up to exactly 100.</summary>
    public const decimal RequiredWeightTotal = 100m;

    /// <summary>The sizes of the Rubrics.Name and Rubrics.CallType columns.</summary>
    public const int MaxName = 200, MaxCallType = 100;

    public static IReadOnlyList<ValidationError> Validate(RubricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        Require(errors, "key", definition.Key);
        Require(errors, "name", definition.Name);
        Require(errors, "callType", definition.CallType);
        TextLimits.Check(errors, "key", definition.Key, Calls.ScoredCallLimits.RubricKey);
        TextLimits.Check(errors, "name", definition.Name, MaxName);
        TextLimits.Check(errors, "callType", definition.CallType, MaxCallType);
        if (definition.OverallThreshold is { } overall && !InPercentRange(overall))
        {
            errors.Add(new("overallThreshold", $"must be between 0 and 100, was {overall}"));
        }

        var criteria = definition.Criteria ?? [];
        if (criteria.Count == 0)
        {
            errors.Add(new("criteria", "a rubric needs at least one criterion"));
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < criteria.Count; i++)
        {
            ValidateCriterion(errors, $"criteria[{i}]", criteria[i], seen);
        }

        var total = criteria.Sum(c => c.Weight);
        if (total != RequiredWeightTotal)
        {
            errors.Add(new("criteria", $"weights must sum to 100, they sum to {total}"));
        }

        return errors;
    }

    private static void ValidateCriterion(List<ValidationError> errors, string path, Criterion c, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(c.Id))
        {
            errors.Add(new($"{path}.id", "is required"));
        }
        else if (TextLimits.Check(errors, $"{path}.id", c.Id, Calls.ScoredCallLimits.CriterionId))
        {
            // Scored calls and flags store the id in a column of this size: a longer one could never be scored.
            return;
        }
        else if (!seen.Add(c.Id.Trim()))
        {
            errors.Add(new($"{path}.id", $"duplicate criterion '{c.Id}'"));
        }

        Require(errors, $"{path}.name", c.Name);
        Require(errors, $"{path}.expectedBehaviour", c.ExpectedBehaviour);
        if (c.Weight <= 0 || c.Weight > 100)
        {
            errors.Add(new($"{path}.weight", $"must be more than 0 and at most 100, was {c.Weight}"));
        }

        if (!InPercentRange(c.Threshold))
        {
            errors.Add(new($"{path}.threshold", $"must be between 0 and 100, was {c.Threshold}"));
        }

        if (!Enum.IsDefined(c.Kind))
        {
            errors.Add(new($"{path}.kind", "must be quality or compliance"));
        }

        if (!Enum.IsDefined(c.Mode))
        {
            errors.Add(new($"{path}.mode", "must be script or intent"));
        }

        Transcripts.ScriptRulesValidator.ValidateCheck(errors, path, c);
        Transcripts.ScriptRulesValidator.ValidateTriggers(errors, path, c.KeywordTriggers);
        var scenarios = c.Scenarios ?? [];
        var scenarioIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < scenarios.Count; j++)
        {
            var s = scenarios[j];
            var sp = $"{path}.scenarios[{j}]";
            if (string.IsNullOrWhiteSpace(s.Id))
            {
                errors.Add(new($"{sp}.id", "is required"));
            }
            else if (!scenarioIds.Add(s.Id))
            {
                errors.Add(new($"{sp}.id", $"duplicate scenario '{s.Id}'"));
            }

            Require(errors, $"{sp}.scenarioType", s.ScenarioType);
            Require(errors, $"{sp}.skill", s.Skill);
            if (s.Sessions is < 1 or > 20)
            {
                errors.Add(new($"{sp}.sessions", $"must be between 1 and 20, was {s.Sessions}"));
            }
        }
    }

    private static bool InPercentRange(decimal value) => value is >= 0 and <= 100;

    private static void Require(List<ValidationError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required"));
        }
    }
}
