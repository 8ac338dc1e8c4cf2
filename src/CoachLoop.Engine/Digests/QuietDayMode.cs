namespace CoachLoop.Engine.Digests;

/// <summary>What a quiet day sends: a brief "nothing needs you" digest, or nothing at all. Never an empty card.</summary>
public enum QuietDayMode
{
    Brief,
    None,
}
