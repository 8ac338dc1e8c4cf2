using CoachLoop.Engine.People;

namespace CoachLoop.Engine.Access;

/// <summary>A directory person as far as permissions care: who, in which role, in which team.</summary>
public sealed record Member(Guid Id, string Name, PersonRole Role, Guid? TeamId)
{
    public static Member From(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Id, person.Name, person.Role, person.TeamId);
    }
}
