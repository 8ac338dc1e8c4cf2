namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// How one Adaptive Card rendering differs by audience and surface; the card model itself stays channel-neutral.
/// </summary>
/// <remarks>
/// See <see href="https://adaptivecards.io/explorer/Refresh.html">Refresh</see> and
/// <see href="https://adaptivecards.io/explorer/AdaptiveCard.html">AdaptiveCard</see> in the schema explorer; <c>msteams</c> is a
/// Teams-only root property outside the schema.
/// </remarks>
public sealed record AdaptiveRenderOptions
{
    /// <summary>
    /// When set, the card carries a Universal Actions <c>refresh</c> (verb <see cref="CardVerbs.Refresh"/>) and these users' Teams
    /// ids (the <c>29:</c> MRIs) are the ones whose client asks for a fresh card automatically. Teams honours at most
    /// <see cref="AdaptiveCardRenderer.MaxRefreshUserIds"/>: put the people who act on the card first. An empty list keeps the
    /// manual "Refresh card" only.
    /// </summary>
    public IReadOnlyList<string>? RefreshUserIds { get; init; }

    /// <summary>
    /// Show the card's <see cref="Card.Images"/> as <c>Image</c> elements with <c>data:image/png;base64</c> URLs (the schema allows
    /// data URIs since 1.2). On for the web channel, whose renderer is a browser; Teams turns it off, since Microsoft documents
    /// card images only by URL (decision 0018), and shows the sparkline the facts already carry.
    /// </summary>
    public bool Images { get; init; } = true;

    /// <summary>Teams only: stretch the card to the full width of the conversation (<c>msteams.width = "Full"</c>).</summary>
    public bool FullWidth { get; init; }
}
