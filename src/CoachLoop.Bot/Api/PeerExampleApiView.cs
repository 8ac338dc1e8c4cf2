using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Builders;

namespace CoachLoop.Bot.Api;

/// <summary>
/// A flag's peer example as the API shows it, by the cards' rules: named or not by <c>Cards:PeerExamples</c>, and the peer's
/// score only for a teammate (what the flagged agent's manager sees); an API key sees no more than that manager.
/// </summary>
internal sealed record PeerExampleApiView(string Who, bool SameTeam, string Quote, string? Offset, decimal? Score, DateTimeOffset CallTime)
{
    public static PeerExampleApiView From(PeerExampleView peer, PeerExampleMode mode)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return new(PeerExampleSection.Who(peer, mode), peer.SameTeam, peer.Quote, PeerExampleSection.Offset(peer), peer.SameTeam ? peer.Score : null, peer.CallTime);
    }
}
