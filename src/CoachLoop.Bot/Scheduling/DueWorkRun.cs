namespace CoachLoop.Bot.Scheduling;

/// <summary>What one "run due work now" did: follow-ups evaluated, reminders and escalations sent, digests sent.</summary>
public sealed record DueWorkRun(int FollowUps, int Reminders, int Digests);
