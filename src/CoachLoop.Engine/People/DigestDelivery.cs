namespace CoachLoop.Engine.People;

/// <summary>Where a person's digest and weekly report go: their chat (the default), email, or both.</summary>
public enum DigestDelivery
{
    Chat,
    Email,
    Both,
}
