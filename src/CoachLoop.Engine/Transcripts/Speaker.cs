namespace CoachLoop.Engine.Transcripts;

/// <summary>Who spoke a transcript segment.</summary>
public enum Speaker
{
    Agent,
    Customer,
}
