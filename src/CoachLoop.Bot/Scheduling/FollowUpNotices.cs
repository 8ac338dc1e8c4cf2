using System.Globalization;
using CoachLoop.Bot.Cards;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;

namespace CoachLoop.Bot.Scheduling;

/// <summary>The words of a follow-up result: for the manager, before/after/delta and the decision; for the agent, a short note.</summary>
internal static class FollowUpNotices
{
    public static NoticeContent ForManager(Flag flag, string agent, string criterion, FollowUpResult result)
    {
        var decision = result.Next switch
        {
            NextAction.Close => "Target met: the flag is closed.",
            NextAction.Continue => $"Not there yet: cycle {flag.Cycle} needs a different practice approved.",
            NextAction.Escalate => "No movement after two coaching cycles: escalated. A different root cause than skill is likely.",
            _ => $"Too few calls scored since coaching ({result.CallsSince}): the follow-up moves to {Cards.Builders.CardText.Day(flag.FollowUpDate)}.",
        };
        return new NoticeContent($"Follow-up: {agent} on {criterion}", $"Call {flag.CallId} · coached {(flag.Session is { } s ? Cards.Builders.CardText.Day(s.HeldOn) : "")}",
            result.Next switch { NextAction.Close => CardTone.Good, NextAction.Escalate => CardTone.Attention, _ => CardTone.Default },
            [
                new("Baseline", N(result.Baseline)), new("Since coaching", $"{N(result.After)} over {Cards.Builders.CardText.Count(result.CallsSince, "call")}"),
                new("Delta", N(result.Delta)), new("Threshold", N(flag.Threshold)),
            ],
            [new("Next", decision)]);
    }

    public static NoticeContent ForAgent(Flag flag, string criterion, FollowUpResult result) =>
        new($"Your follow-up on {criterion}", null, result.Next == NextAction.Close ? CardTone.Good : CardTone.Default, [],
            [new("Result", result.Next switch
            {
                NextAction.Close => $"Your {criterion} scores since coaching average {N(result.After)}: above the target. Well done.",
                NextAction.NotEnoughData => $"Not enough calls scored yet; we look again on {Cards.Builders.CardText.Day(flag.FollowUpDate)}.",
                _ => $"Your {criterion} scores since coaching average {N(result.After)} against a target of {N(flag.Threshold)}. Your manager will plan the next practice with you.",
            })]);

    private static string N(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "n/a";
}
