namespace CoachLoop.Engine.Tests.Builders;

/// <summary>Builds the demo support rubric by default; every default is valid.</summary>
public sealed class RubricBuilder
{
    private string _key = "support-demo";
    private string _name = "Support calls";
    private string _callType = "support";
    private decimal? _overallThreshold = Rubric.DefaultOverallThreshold;
    private IReadOnlyList<Criterion>? _criteria = DemoCriteria.All;
    private int _version = 1;

    public RubricBuilder WithKey(string key)
    {
        _key = key;
        return this;
    }

    public RubricBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public RubricBuilder WithCallType(string callType)
    {
        _callType = callType;
        return this;
    }

    public RubricBuilder WithOverallThreshold(decimal? threshold)
    {
        _overallThreshold = threshold;
        return this;
    }

    public RubricBuilder WithVersion(int version)
    {
        _version = version;
        return this;
    }

    public RubricBuilder WithCriteria(IReadOnlyList<Criterion>? criteria)
    {
        _criteria = criteria;
        return this;
    }

    /// <summary>Replaces the demo criterion that has the same id.</summary>
    public RubricBuilder Replacing(Criterion replacement)
    {
        _criteria = (_criteria ?? []).Select(c => c.Id == replacement.Id ? replacement : c).ToList();
        return this;
    }

    public RubricDefinition Definition() => new(_key, _name, _callType, _overallThreshold, _criteria);

    public RubricResult Create() => Rubric.Create(Definition(), _version, Moments.Now);

    /// <summary>The rubric, or an exception naming every reason: a builder default must never be invalid.</summary>
    public Rubric Build()
    {
        var result = Create();
        return result.Rubric
            ?? throw new InvalidOperationException("Invalid test rubric: " + string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Message}")));
    }
}
