using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Telemetry;

/// <summary>
/// What the outbox gauges report, read from the database only when a metric reader collects (a scrape, an OTLP export) and
/// then reused for <see cref="TelemetryOptions.OutboxGaugeCache"/>: nothing here runs per call or per click.
/// </summary>
public sealed partial class OutboxGauges(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<OutboxGauges> logger)
{
    private readonly Lock _lock = new();
    private OutboxSnapshot _last = new(0, 0, 0);
    private DateTimeOffset? _readAt;

    public OutboxSnapshot Read()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_readAt is { } at && now - at < options.Value.OutboxGaugeCache && now >= at)
            {
                return _last;
            }

            try
            {
                _last = Query(now);
            }
            catch (Exception ex)
            {
                // A collection must not fail because the database is away; the last values stand until it answers again.
                LogReadFailed(logger, ex);
            }

            _readAt = now;
            return _last;
        }
    }

    // Collection callbacks are synchronous. Each count walks the (status, urgent, id) index; the oldest pending is the lowest id.
    private OutboxSnapshot Query(DateTimeOffset now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var pending = db.Outbox.AsNoTracking().Count(m => m.Status == OutboxStatus.Pending);
        var dead = db.Outbox.AsNoTracking().Count(m => m.Status == OutboxStatus.Dead);
        var oldest = pending == 0 ? null : db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id)
            .Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
        return new(pending, dead, oldest is { } created ? Math.Max(0, (now - created).TotalSeconds) : 0);
    }

    [LoggerMessage(LogLevel.Warning, "Reading the outbox gauges failed; the last values are reported")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
