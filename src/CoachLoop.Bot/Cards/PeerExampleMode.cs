namespace CoachLoop.Bot.Cards;

/// <summary>How a flag card names the peer whose call it shows as an example (setting <c>Cards:PeerExamples</c>).</summary>
public enum PeerExampleMode
{
    /// <summary>"A teammate", "An agent in another team": the default, since a peer's call is shown to people who do not manage them.</summary>
    Anonymous,

    /// <summary>The peer's name, for teams that agreed to learn from each other by name.</summary>
    Named,

    /// <summary>No peer examples on cards.</summary>
    Off,
}
