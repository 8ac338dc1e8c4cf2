namespace CoachLoop.Data.Diagnostics;

/// <summary>A reading of <see cref="SqlCounters"/>, or the difference of two.</summary>
/// <param name="Commands">SQL commands executed by EF Core (queries, SaveChanges batches, ExecuteUpdate), failed and canceled ones too.</param>
/// <param name="ConnectionOpens">Logical connection opens, failed ones too (each ran the SQLite set-up before it was made once per physical connection).</param>
/// <param name="Transactions">Explicit or SaveChanges transactions begun.</param>
public readonly record struct SqlCount(long Commands, long ConnectionOpens, long Transactions)
{
    /// <summary>
    /// Separate exchanges with the database: every command, every open, and each transaction's BEGIN and COMMIT. On PostgreSQL
    /// these are network round trips; on SQLite, calls into the engine that each take its locks.
    /// </summary>
    public long RoundTrips => Commands + ConnectionOpens + (2 * Transactions);

    public static SqlCount operator -(SqlCount after, SqlCount before) =>
        new(after.Commands - before.Commands, after.ConnectionOpens - before.ConnectionOpens, after.Transactions - before.Transactions);

    public override string ToString() =>
        $"{Commands} commands, {ConnectionOpens} connection opens, {Transactions} transactions ({RoundTrips} round trips)";
}
