namespace CoachLoop.Data.Diagnostics;

/// <summary>
/// Counts the database work of one host: SQL commands EF Core executes, connection opens and transactions. One instance per
/// host (a DI singleton, fed by <see cref="SqlCountingInterceptor"/>), so a test or the benchmark reads the difference across a
/// piece of work: <c>var before = counters.Read(); ...; var spent = counters.Read() - before;</c>. An increment per event is
/// all it costs, so it stays on in production.
/// </summary>
public sealed class SqlCounters
{
    private long _commands;
    private long _opens;
    private long _transactions;

    /// <summary>The totals so far.</summary>
    public SqlCount Read() => new(Interlocked.Read(ref _commands), Interlocked.Read(ref _opens), Interlocked.Read(ref _transactions));

    internal long Command() => Interlocked.Increment(ref _commands);

    internal long Opened() => Interlocked.Increment(ref _opens);

    internal long Transaction() => Interlocked.Increment(ref _transactions);
}
