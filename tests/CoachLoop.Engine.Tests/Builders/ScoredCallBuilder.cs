namespace CoachLoop.Engine.Tests.Builders;

/// <summary>
/// A scored call against a rubric (the demo rubric by default) with every criterion at 90 and an
/// overall score of 90: valid, and above every threshold, so it raises no flag until a test lowers a score.
/// </summary>
public sealed class ScoredCallBuilder
{
    public const decimal PassingScore = 90m;

    private readonly List<CriterionScore> _scores;
    private string _source = "qa-auto";
    private string _callId = "4471";
    private string _agent = "dana@example.com";
    private DateTimeOffset _callTime = Moments.CallTime;
    private TimeSpan? _duration = TimeSpan.FromMinutes(7);
    private string _rubricKey;
    private int _rubricVersion;
    private decimal _overall = PassingScore;
    private Transcript? _transcript;

    public ScoredCallBuilder()
        : this(new RubricBuilder().Build())
    {
    }

    public ScoredCallBuilder(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        _rubricKey = rubric.Key;
        _rubricVersion = rubric.Version;
        _scores = rubric.Criteria.Select(c => new CriterionScore(c.Id, PassingScore, null)).ToList();
    }

    /// <summary>Sets one criterion's score (and evidence), replacing the default.</summary>
    public ScoredCallBuilder Scoring(string criterionId, decimal score, Evidence? evidence = null)
    {
        var index = _scores.FindIndex(s => s.CriterionId == criterionId);
        var scored = new CriterionScore(criterionId, score, evidence);
        if (index < 0)
        {
            _scores.Add(scored);
        }
        else
        {
            _scores[index] = scored;
        }

        return this;
    }

    public ScoredCallBuilder WithScores(params CriterionScore[] scores)
    {
        _scores.Clear();
        _scores.AddRange(scores);
        return this;
    }

    public ScoredCallBuilder WithOverall(decimal overall)
    {
        _overall = overall;
        return this;
    }

    public ScoredCallBuilder WithAgent(string agent)
    {
        _agent = agent;
        return this;
    }

    public ScoredCallBuilder WithSource(string source)
    {
        _source = source;
        return this;
    }

    public ScoredCallBuilder WithCallId(string callId)
    {
        _callId = callId;
        return this;
    }

    public ScoredCallBuilder At(DateTimeOffset callTime)
    {
        _callTime = callTime;
        return this;
    }

    public ScoredCallBuilder WithDuration(TimeSpan? duration)
    {
        _duration = duration;
        return this;
    }

    public ScoredCallBuilder ForRubric(string key, int version)
    {
        _rubricKey = key;
        _rubricVersion = version;
        return this;
    }

    /// <summary>Adds a transcript: (speaker, seconds from the start, text) per segment.</summary>
    public ScoredCallBuilder WithTranscript(params (Speaker Speaker, int Seconds, string Text)[] segments)
    {
        _transcript = new Transcript(segments.Select(s => new TranscriptSegment(s.Speaker, TimeSpan.FromSeconds(s.Seconds), s.Text)).ToList());
        return this;
    }

    public ScoredCall Build() =>
        new(_source, _callId, _agent, _callTime, _duration, "billing", _rubricKey, _rubricVersion, _overall, _scores.ToList(),
            "https://recordings.example.com/4471", _transcript);
}
