namespace CoachLoop.Bot.Outbox;

/// <summary>Exponential backoff with jitter: attempt n waits a random time between half and all of base x 2^(n-1), capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }

    /// <summary>When the channel said when (429 Retry-After), exactly then; otherwise our own backoff.</summary>
    public static TimeSpan Next(int attempt, TimeSpan? retryAfter, OutboxOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        return retryAfter is { } after && after > TimeSpan.Zero ? after : Delay(attempt, options.BaseDelay, options.MaxDelay, random);
    }
}
