using System.Globalization;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The "What good sounds like" part of flag and agent cards: a peer's words on the same criterion, where they said it, and who
/// (named or not, by setting). Agents never see a peer's score; the flag card shows it only for a peer of the same team, whose
/// scores that team's manager sees anyway.
/// </summary>
public static class PeerExampleSection
{
    public const string Heading = "What good sounds like";

    /// <summary>The section for the manager's flag card, or null when there is no example (or the setting is off).</summary>
    public static CardSection? ForManager(FlagCardContext context) => Build(context, withScore: true);

    /// <summary>The section for the agent's own card: the same words, never the peer's score.</summary>
    public static CardSection? ForAgent(FlagCardContext context) => Build(context, withScore: false);

    /// <summary>How the peer is named under <paramref name="mode"/>: "A teammate", "Ben Okafor (same team)".</summary>
    public static string Who(PeerExampleView peer, PeerExampleMode mode)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return (mode, peer.SameTeam) switch
        {
            (PeerExampleMode.Named, true) => $"{peer.PeerName} (same team)",
            (PeerExampleMode.Named, false) => $"{peer.PeerName} (another team)",
            (_, true) => "A teammate",
            _ => "An agent in another team",
        };
    }

    /// <summary>Where in the peer's call the words are, as "00:03:10".</summary>
    public static string? Offset(PeerExampleView peer) =>
        peer?.OffsetSeconds is { } s ? TimeSpan.FromSeconds(s).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : null;

    private static CardSection? Build(FlagCardContext context, bool withScore)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = context.PeerMode;
        if (mode == PeerExampleMode.Off || context.Peer is not { } peer)
        {
            return null;
        }

        var who = Who(peer, mode);
        var at = Offset(peer) is { } offset ? $" at {offset}" : "";
        var score = withScore && peer.SameTeam ? $" Scored {CardText.Number(peer.Score)}." : "";
        return new(Heading, $"{who}, call of {CardText.Day(DateOnly.FromDateTime(peer.CallTime.UtcDateTime))}{at}: \u201c{peer.Quote}\u201d{score}");
    }
}
