namespace CoachLoop.Engine.Reports;

/// <summary>An agent coached on a criterion whose average 30 days after their last coaching moved less than the report's minimum.</summary>
public sealed record NotMoved(Guid AgentId, string CriterionId, decimal Before, decimal After, DateTimeOffset CoachedAt)
{
    public decimal Delta => After - Before;
}
