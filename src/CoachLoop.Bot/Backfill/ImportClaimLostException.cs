namespace CoachLoop.Bot.Backfill;

/// <summary>Another worker holds the job now (this one's lease ran out): the batch is rolled back and this worker lets the job go.</summary>
public sealed class ImportClaimLostException : Exception
{
    public ImportClaimLostException()
        : base("The import job's claim was lost to another worker.")
    {
    }

    public ImportClaimLostException(string message)
        : base(message)
    {
    }

    public ImportClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
