namespace CoachLoop.Data.Records;

public enum OutboxOperation
{
    /// <summary>Post the card as a new message.</summary>
    Post,

    /// <summary>Replace the posted message with the current card.</summary>
    Update,
}
