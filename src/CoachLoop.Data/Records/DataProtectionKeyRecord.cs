namespace CoachLoop.Data.Records;

/// <summary>
/// One key of the ASP.NET Core Data Protection key ring, as the XML Data Protection writes it. The host stores and reads the ring
/// here (its key repository), so every host of a deployment shares the keys; the data layer itself knows nothing of ASP.NET.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string? Xml { get; set; }
}
