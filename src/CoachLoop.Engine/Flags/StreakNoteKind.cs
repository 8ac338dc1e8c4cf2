namespace CoachLoop.Engine.Flags;

/// <summary>What a new call does to a streak a pattern flag already names.</summary>
public enum StreakNoteKind
{
    /// <summary>A further failing call joins the streak: the flag notes it and raises nothing new.</summary>
    Extended,

    /// <summary>A passing call scored late lands inside the streak and splits it in time: the flag stands, noted.</summary>
    Split,
}
