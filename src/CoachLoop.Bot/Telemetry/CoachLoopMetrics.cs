using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachLoop.Engine.Calls;

namespace CoachLoop.Bot.Telemetry;

/// <summary>
/// The "CoachLoop" Meter (names and units in the README's Telemetry section). The hot paths only add to counters and
/// histograms; the outbox gauges read the database when a reader collects, at most once per <see cref="TelemetryOptions.OutboxGaugeCache"/>.
/// The meter comes from the host's IMeterFactory, so two hosts in one process (the tests) keep their measurements apart.
/// </summary>
public sealed class CoachLoopMetrics
{
    public const string MeterName = "CoachLoop";

    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    };

    private readonly Counter<long> _calls;
    private readonly Counter<long> _flags;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _actionDuration;
    private readonly Histogram<double> _digestDuration;

    public CoachLoopMetrics(IMeterFactory meters, OutboxGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(gauges);
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("coachloop.calls.ingested", "{call}", "Scored calls taken in, by source and outcome");
        _flags = meter.CreateCounter<long>("coachloop.flags.raised", "{flag}", "Flags raised by the intake, by kind");
        _delivered = meter.CreateCounter<long>("coachloop.cards.delivered", "{message}", "Outbox messages settled, by channel, operation and outcome");
        _deadLettered = meter.CreateCounter<long>("coachloop.outbox.dead_lettered", "{message}", "Outbox messages dead-lettered, by channel");
        _actionDuration = meter.CreateHistogram("coachloop.card_action.duration", "s", "Time the action pipeline took per card click",
            tags: null, advice: Seconds);
        _digestDuration = meter.CreateHistogram("coachloop.digest.duration", "s", "Time one digest run took", tags: null, advice: Seconds);
        meter.CreateObservableGauge("coachloop.outbox.depth", () => gauges.Read().Pending, "{message}", "Outbox messages waiting to be sent");
        meter.CreateObservableGauge("coachloop.outbox.dead", () => gauges.Read().Dead, "{message}", "Dead-lettered outbox messages stored");
        meter.CreateObservableGauge("coachloop.outbox.oldest_pending.age", () => gauges.Read().OldestAge, "s",
            "Age of the oldest message waiting to be sent (0 when none)");
    }

    /// <summary>One call's answer from the intake; the source is counted only for calls that were stored, so refusals cannot mint attribute values.</summary>
    public void Ingested(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = OutcomeName(result.Outcome);
        var tags = result.Receipt is { } receipt && result.Outcome != IntakeOutcome.Invalid
            ? new TagList { { CoachLoopTags.Outcome, outcome }, { CoachLoopTags.Source, receipt.Source } }
            : new TagList { { CoachLoopTags.Outcome, outcome } };
        _calls.Add(1, tags);
        if (result.Outcome == IntakeOutcome.Accepted)
        {
            foreach (var flag in result.Receipt!.Flags)
            {
                _flags.Add(1, new KeyValuePair<string, object?>(CoachLoopTags.FlagKind, KindName(flag.Kind)));
            }
        }
    }

    public void Delivered(string channel, string operation, string outcome)
    {
        _delivered.Add(1, new KeyValuePair<string, object?>(CoachLoopTags.Channel, channel),
            new KeyValuePair<string, object?>(CoachLoopTags.Operation, operation), new KeyValuePair<string, object?>(CoachLoopTags.Outcome, outcome));
        if (outcome == DeliveryOutcomes.Dead)
        {
            _deadLettered.Add(1, new KeyValuePair<string, object?>(CoachLoopTags.Channel, channel));
        }
    }

    public void CardAction(string channel, string verb, string outcome, TimeSpan took) =>
        _actionDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(CoachLoopTags.Channel, channel),
            new KeyValuePair<string, object?>(CoachLoopTags.Verb, verb), new KeyValuePair<string, object?>(CoachLoopTags.Outcome, outcome));

    public void DigestRun(TimeSpan took) => _digestDuration.Record(took.TotalSeconds);

    public static string OutcomeName(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Accepted => "accepted",
        IntakeOutcome.Duplicate => "duplicate",
        IntakeOutcome.Conflict => "conflict",
        _ => "invalid",
    };

    private static string KindName(Engine.Flags.FlagKind kind) => kind switch
    {
        Engine.Flags.FlagKind.Quality => "quality",
        Engine.Flags.FlagKind.Compliance => "compliance",
        Engine.Flags.FlagKind.Pattern => "pattern",
        Engine.Flags.FlagKind.Keyword => "keyword",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
