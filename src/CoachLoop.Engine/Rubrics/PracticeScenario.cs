namespace CoachLoop.Engine.Rubrics;

/// <summary>A practice a manager can assign: e.g. 3 billing-dispute role-plays on acknowledging frustration.</summary>
/// <param name="Id">Stable id within the criterion's catalogue.</param>
/// <param name="ScenarioType">The situation rehearsed, e.g. "billing dispute".</param>
/// <param name="Skill">The behaviour practised, e.g. "acknowledging frustration before offering a resolution".</param>
/// <param name="Sessions">How many practice sessions.</param>
public sealed record PracticeScenario(string Id, string ScenarioType, string Skill, int Sessions)
{
    /// <summary>"3 billing-dispute role-plays on acknowledging frustration before offering a resolution".</summary>
    public string Describe() =>
        $"{Sessions} {ScenarioType.Replace(' ', '-')} role-play{(Sessions == 1 ? "" : "s")} on {Skill}";
}
