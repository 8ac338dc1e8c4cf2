namespace CoachLoop.Engine.Rubrics;

/// <summary>
/// A locked version of a scorecard. Flags and plans keep pointing at the version they were made
/// from, so history stays comparable; a changed criterion means a new version.
/// </summary>
public sealed class Rubric
{
    private Rubric()
    {
        Key = Name = CallType = "";
        Criteria = [];
    }

    private Rubric(Guid id, string key, int version, string name, string callType, decimal overallThreshold,
        IReadOnlyList<Criterion> criteria, DateTimeOffset createdAt)
    {
        Id = id;
        Key = key;
        Version = version;
        Name = name;
        CallType = callType;
        OverallThreshold = overallThreshold;
        Criteria = criteria;
        CreatedAt = createdAt;
    }

    public const decimal DefaultOverallThreshold = 65m;

    public Guid Id { get; private set; }
    public string Key { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; }
    public string CallType { get; private set; }
    public decimal OverallThreshold { get; private set; }
    public IReadOnlyList<Criterion> Criteria { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public Criterion? FindCriterion(string criterionId) =>
        Criteria.FirstOrDefault(c => string.Equals(c.Id, criterionId, StringComparison.Ordinal));

    /// <summary>Validates a definition and makes the rubric version, or returns every reason it is refused.</summary>
    public static RubricResult Create(RubricDefinition definition, int version, DateTimeOffset now)
    {
        var errors = RubricValidator.Validate(definition);
        if (errors.Count > 0)
        {
            return new RubricResult(null, errors);
        }

        var rubric = new Rubric(Guid.CreateVersion7(now), definition.Key.Trim(), version, definition.Name.Trim(),
            definition.CallType.Trim(), definition.OverallThreshold ?? DefaultOverallThreshold, definition.Criteria!, now);
        return new RubricResult(rubric, []);
    }

    /// <summary>Rebuilds a stored version (no validation: it was validated when it was made).</summary>
    public static Rubric Restore(Guid id, string key, int version, string name, string callType, decimal overallThreshold,
        IReadOnlyList<Criterion> criteria, DateTimeOffset createdAt) =>
        new(id, key, version, name, callType, overallThreshold, criteria, createdAt);
}
