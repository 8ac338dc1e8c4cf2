namespace CoachLoop.Bot.Cards.Email;

/// <summary>A card as an email: its subject line, an HTML body and the plain-text alternative with the same content.</summary>
public sealed record EmailContent(string Subject, string Html, string Text);
