namespace CoachLoop.Bot.Channels.Web;

/// <summary>What the page may offer: "run due work now" only where it is switched on.</summary>
internal sealed record WebFeatures(bool RunDueWorkNow);
