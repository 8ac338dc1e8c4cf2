namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Where a Slack message is: its channel (C…, G… or D…) and its <c>ts</c>, stored together as "channel|ts" because
/// chat.update needs both and a DM's channel id is only known once it was opened. <c>ts</c> stays a string, never a number.
/// </summary>
public sealed record SlackMessageRef(string Channel, string Ts)
{
    public override string ToString() => Channel + "|" + Ts;

    public static bool TryParse(string? text, out SlackMessageRef messageRef)
    {
        var parts = (text ?? "").Split('|');
        messageRef = new(parts[0], parts.Length == 2 ? parts[1] : "");
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0;
    }
}
