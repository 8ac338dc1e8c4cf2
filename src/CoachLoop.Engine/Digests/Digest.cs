namespace CoachLoop.Engine.Digests;

/// <summary>
/// A manager's daily digest: compliance first, then new and open flags, approvals waiting, sessions and
/// follow-ups due today, disputes waiting, and the loop's health.
/// </summary>
public sealed record Digest(
    Guid ManagerId,
    string ManagerName,
    string TeamName,
    DateOnly LocalDate,
    IReadOnlyList<DigestItem> Compliance,
    IReadOnlyList<DigestItem> NewAndOpen,
    IReadOnlyList<DigestItem> AwaitingApproval,
    IReadOnlyList<DigestItem> DueToday,
    IReadOnlyList<DigestItem> DisputesWaiting,
    LoopHealth Health)
{
    /// <summary>Group workshops suggested instead of one-to-ones (see <see cref="Coaching.WorkshopRule"/>); empty in older digests.</summary>
    public IReadOnlyList<DigestWorkshop> Workshops { get; init; } = [];

    /// <summary>Nothing needs the manager today.</summary>
    public bool IsQuiet => Compliance.Count + NewAndOpen.Count + AwaitingApproval.Count + DueToday.Count + DisputesWaiting.Count == 0;
}
