namespace CoachLoop.Data.Records;

public enum OutboxStatus
{
    Pending,
    Sent,
    Dead,
}
