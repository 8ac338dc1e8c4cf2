namespace CoachLoop.Engine.Transcripts;

/// <summary>Whose words a script check or a keyword trigger listens to.</summary>
public enum SpeakerScope
{
    Any,
    Agent,
    Customer,
}
