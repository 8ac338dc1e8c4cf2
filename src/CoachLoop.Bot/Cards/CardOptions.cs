namespace CoachLoop.Bot.Cards;

/// <summary>What cards show beyond the flag itself.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    /// <summary>Whether, and how, a flag card's peer example names the peer.</summary>
    public PeerExampleMode PeerExamples { get; set; } = PeerExampleMode.Anonymous;
}
