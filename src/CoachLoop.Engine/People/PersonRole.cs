namespace CoachLoop.Engine.People;

/// <summary>What a person is in the directory. A manager manages a team; coaches and reviewers help them.</summary>
public enum PersonRole
{
    Agent,
    Manager,
    Coach,
    Reviewer,
    QaLead,
    Admin,
}
