namespace CoachLoop.Bot.Cards;

/// <summary>
/// A picture on a card (a trend chart): PNG bytes, their pixel size, and the text that stands in for them where a channel cannot
/// show an image (Slack, Teams) or a reader cannot see it. <paramref name="Name"/> is unique within the card and safe in a
/// Content-ID or file name.
/// </summary>
public sealed record CardImage(string Name, byte[] Png, int Width, int Height, string AltText);
