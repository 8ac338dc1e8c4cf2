using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Calls;

/// <summary>The answer for one scored call.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, CallReceipt? Receipt, IReadOnlyList<ValidationError> Errors)
{
    public static IntakeResult Invalid(IReadOnlyList<ValidationError> errors) => new(IntakeOutcome.Invalid, null, errors);
}
