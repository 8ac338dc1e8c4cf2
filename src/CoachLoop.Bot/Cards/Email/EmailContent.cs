namespace CoachLoop.Bot.Cards.Email;

/// <summary>
/// A card as an email: its subject line, an HTML body and the plain-text alternative with the same content, and the pictures the
/// HTML shows inline (each referenced as <c>cid:</c> + its <see cref="EmailImage.ContentId"/>).
/// </summary>
public sealed record EmailContent(string Subject, string Html, string Text)
{
    public IReadOnlyList<EmailImage> Images { get; init; } = [];
}
