using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Data.Outbox;

/// <summary>
/// Notification volume: once a team's manager channel has had <see cref="GroupAfter"/> non-urgent flag
/// cards within <see cref="GroupWindow"/>, further non-urgent flags of that window are grouped into one
/// card that grows. Compliance flags are never held back.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    [Range(1, 1000)]
    public int GroupAfter { get; set; } = 5;

    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(15);
}
