using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Actions;

/// <summary>Maps a flag or agent-card verb and its inputs to the Engine's guarded method. Returns the sentence for the clicker.</summary>
internal static class FlagMoves
{
    public static async Task<string> ApplyAsync(string verb, Flag flag, ActionInputs inputs, Actor actor, DateTimeOffset now,
        CoachLoopDbContext db, OutboxWriter outbox, CancellationToken ct)
    {
        switch (verb)
        {
            case CardVerbs.ApprovePractice:
                flag.ApprovePractice(actor, now);
                return $"Practice approved: {flag.Plan.Practice}.";
            case CardVerbs.SwapScenario:
                var scenarioId = inputs.Required("scenarioId", "Pick a scenario.");
                var rubric = await db.Rubrics.AsNoTracking().FirstAsync(r => r.Id == flag.RubricId, ct).ConfigureAwait(false);
                var criterion = rubric.FindCriterion(flag.CriterionId)!;
                if (!inputs.IsValid || criterion.FindScenario(scenarioId) is null)
                {
                    inputs.Fail("scenarioId", "Pick a scenario from the catalogue.");
                    return "";
                }

                flag.SwapScenario(criterion, scenarioId, actor, now);
                return $"Practice set to {flag.Plan.Practice}.";
            case CardVerbs.LogSession:
                var session = ReadSession(flag, inputs, now);
                if (session is null)
                {
                    return "";
                }

                flag.LogSession(session, actor, now);
                return $"Session logged; follow-up scoring on {session.FollowUpDate:yyyy-MM-dd}.";
            case CardVerbs.CompletePractice:
                flag.CompletePractice(actor, now);
                return "Practice marked done.";
            case CardVerbs.Resolve:
                var note = inputs.Optional("note");
                if (!inputs.IsValid)
                {
                    return "";
                }

                flag.Resolve(note, actor, now);
                return "Flag resolved.";
            case CardVerbs.Dismiss:
                var reason = inputs.Required("reason", "A reason is required to dismiss a flag.");
                if (!inputs.IsValid)
                {
                    return "";
                }

                flag.Dismiss(reason, actor, now);
                return "Flag dismissed.";
            case CardVerbs.AcceptScore:
                flag.AcceptScore(actor, now);
                return "Score accepted. Thank you.";
            case CardVerbs.DisputeScore:
                var why = inputs.Required("reason", "A dispute needs a reason.");
                if (!inputs.IsValid)
                {
                    return "";
                }

                var dispute = flag.OpenDispute(why, actor, now);
                db.Disputes.Add(dispute);
                await outbox.PostDisputeAsync(dispute, flag.TeamId, ct).ConfigureAwait(false);
                return "Dispute sent to a reviewer.";
            default:
                throw new DomainException("card.unknown-verb", $"Unknown action '{verb}'.");
        }
    }

    private static CoachingSession? ReadSession(Flag flag, ActionInputs inputs, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var targeted = inputs.Required("targetedBehaviour", "Say which behaviour the session targeted.");
        var self = inputs.Required("selfAssessment", "Record the agent's own assessment.");
        var agreed = inputs.Required("agreedBehaviour", "Record the behaviour you agreed on.");
        var practice = inputs.Required("practice", "Say which practice was assigned.");
        var followUp = inputs.Date("followUpDate");
        var notes = inputs.Optional("notes");
        if (inputs.IsValid && followUp <= today)
        {
            inputs.Fail("followUpDate", "The follow-up scoring date must be after today.");
        }
        else if (inputs.IsValid && followUp > today.AddDays(Engine.FollowUps.FollowUpPolicy.AbsoluteMaxDays))
        {
            inputs.Fail("followUpDate", $"Pick a date within {Engine.FollowUps.FollowUpPolicy.AbsoluteMaxDays} days: behaviour reverts without reinforcement.");
        }

        return inputs.IsValid ? new CoachingSession(flag.CriterionId, targeted, self, agreed, practice, followUp, today, notes) : null;
    }
}
