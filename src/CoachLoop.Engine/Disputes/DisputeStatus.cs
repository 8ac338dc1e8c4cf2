namespace CoachLoop.Engine.Disputes;

public enum DisputeStatus
{
    Open,
    Upheld,
    Overturned,
}
