namespace CoachLoop.Bot.Cards.Email;

/// <summary>A card's picture as an inline part of the email: the HTML's <c>&lt;img src="cid:…"&gt;</c> names it by this Content-ID.</summary>
public sealed record EmailImage(string ContentId, CardImage Image);
