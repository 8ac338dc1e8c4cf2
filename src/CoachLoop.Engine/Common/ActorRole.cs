namespace CoachLoop.Engine.Common;

/// <summary>The role a person acts in for one action.</summary>
public enum ActorRole
{
    System,
    Agent,
    Manager,
    Coach,
    Reviewer,
    QaLead,
    Admin,
    ApiClient,
}
