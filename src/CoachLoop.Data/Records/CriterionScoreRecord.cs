namespace CoachLoop.Data.Records;

/// <summary>One criterion score of a call; the rows patterns, trends and follow-ups read.</summary>
public sealed class CriterionScoreRecord
{
    public Guid Id { get; set; }
    public Guid ScoredCallId { get; set; }
    public Guid AgentId { get; set; }
    public string CriterionId { get; set; } = "";
    public decimal Score { get; set; }
    public string? Quote { get; set; }
    public int? OffsetSeconds { get; set; }
    public string? FailingSentence { get; set; }
    public DateTimeOffset CallTime { get; set; }

    /// <summary>Set when a dispute overturned the score: it then counts toward nothing.</summary>
    public bool Overturned { get; set; }
}
