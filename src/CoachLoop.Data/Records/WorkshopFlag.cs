namespace CoachLoop.Data.Records;

/// <summary>
/// A flag taking part in a workshop. The flag id is unique: a flag belongs to one workshop at most, so two clicks (or a click
/// and an API call) scheduling the same suggestion at once cannot both commit.
/// </summary>
public sealed class WorkshopFlag
{
    public Guid WorkshopId { get; set; }
    public Guid FlagId { get; set; }
}
