using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The refusal of a call that cannot go to the intake as it is: one the reader found errors in, or one with text no provider
/// stores (a NUL character, a field longer than its column), which must not reach a query either. The Engine's validator
/// still looks at the rest, against the rubric and the directory, so the answer names every error of the call at once.
/// </summary>
internal static class ScoredCallPrecheck
{
    /// <returns>The refusal, or null when the call goes to the intake (which validates it again with what it reads).</returns>
    public static async Task<IntakeResult?> RefuseAsync(ScoredCall call, List<ValidationError> readErrors, ICallIntakeStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var text = ScoredCallValidator.ValidateText(call);
        if (readErrors.Count == 0 && text.Count == 0)
        {
            return null;
        }

        var refused = text.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var rubric = refused.Contains("rubric.key") || string.IsNullOrWhiteSpace(call.RubricKey)
            ? null
            : await store.FindRubricAsync(call.RubricKey, call.RubricVersion, ct).ConfigureAwait(false);
        var agentKnown = !refused.Contains("agent") && !string.IsNullOrWhiteSpace(call.Agent)
            && await store.FindAgentAsync(call.Agent, ct).ConfigureAwait(false) is not null;
        var others = ScoredCallValidator.Validate(call, rubric, agentKnown, clock.GetUtcNow()).Select(Renamed)
            .Where(e => !readErrors.Any(r => Overlaps(r.Field, e.Field)));
        return IntakeResult.Invalid([.. readErrors, .. others]);
    }

    /// <summary>The Engine's name of a field as the API spells it.</summary>
    public static ValidationError Renamed(ValidationError error) =>
        error.Field == "duration" ? error with { Field = "durationSeconds" } : error;

    // What the reader refused was replaced by a stand-in: the validator's word on the same field (or its parent) says nothing new.
    private static bool Overlaps(string read, string validated) =>
        read == validated || IsWithin(read, validated) || IsWithin(validated, read);

    private static bool IsWithin(string field, string parent) =>
        field.StartsWith(parent, StringComparison.Ordinal) && field.Length > parent.Length && field[parent.Length] is '.' or '[';
}
