namespace CoachLoop.Bot.Api;

/// <summary>The rubric criterion a flag is on, by id and by the name its rubric version gives it.</summary>
internal sealed record FlagCriterionView(string Id, string Name);
