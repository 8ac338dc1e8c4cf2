namespace CoachLoop.Engine.People;

/// <summary>A team of agents with its manager. Flags for its agents go to the manager's channel.</summary>
public sealed class Team
{
    private Team() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? ManagerId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Team Create(string key, string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Key = key.Trim(), Name = name.Trim(), UpdatedAt = now };

    public void Update(string name, Guid? managerId, DateTimeOffset now)
    {
        Name = name.Trim();
        ManagerId = managerId;
        UpdatedAt = now;
    }
}
