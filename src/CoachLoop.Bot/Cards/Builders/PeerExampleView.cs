namespace CoachLoop.Bot.Cards.Builders;

/// <summary>A flag's peer example as loaded for its cards: the peer's words, where in their call, and how it scored.</summary>
/// <param name="PeerName">The peer's name; shown only when the setting names peers.</param>
/// <param name="SameTeam">The peer is in the flagged agent's team (the team whose manager sees the flag card).</param>
public sealed record PeerExampleView(string PeerName, bool SameTeam, string Quote, int? OffsetSeconds, decimal Score, DateTimeOffset CallTime);
