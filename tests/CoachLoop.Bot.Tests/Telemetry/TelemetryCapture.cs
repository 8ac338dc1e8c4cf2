using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachLoop.Bot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CoachLoop.Bot.Tests.Telemetry;

/// <summary>
/// What one host exports: its spans through the OpenTelemetry in-memory exporter, and the measurements of its own CoachLoop
/// meter (a listener on the host's IMeterFactory: other tests' hosts in this process have meters of the same name).
/// Spans are process-wide (ActivitySource listeners see every host), so tests pick theirs by trace id.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    /// <summary>
    /// Tests whose hosts run the OpenTelemetry SDK, one at a time: ASP.NET Core's and HttpClient's spans are process-wide, and
    /// with these tests in parallel the OTLP test once waited 30 s for the server span's name in vain (alone it always came).
    /// </summary>
    public const string Collection = "OpenTelemetry SDK";

    public static readonly IReadOnlyDictionary<string, string?> On = new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" };

    private readonly SpanList _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private MeterListener? _listener;

    public void Register(IServiceCollection services) => services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(_spans));

    /// <summary>Starts listening to the CoachLoop meter of the host whose services these are.</summary>
    public void Listen(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CoachLoopMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public IReadOnlyList<Activity> All() => _spans.Snapshot();

    /// <summary>Finished spans of the trace <paramref name="traceId"/>.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => _spans.Snapshot().Where(a => a.TraceId == traceId).ToList();

    /// <summary>The sum of what <paramref name="instrument"/> recorded with all of <paramref name="tags"/> (and any others).</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    /// <summary>How many measurements <paramref name="instrument"/> recorded with all of <paramref name="tags"/>: a histogram's count.</summary>
    public int Count(string instrument, params (string Key, object Value)[] tags) => Matching(instrument, tags).Count();

    /// <summary>The current values of the observable gauges.</summary>
    public void Observe()
    {
        _listener!.RecordObservableInstruments();
    }

    /// <summary>The last value an observable gauge reported.</summary>
    public double Last(string instrument) => _measurements.Last(m => m.Instrument == instrument).Value;

    private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, object Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))));

    public void Dispose() => _listener?.Dispose();

    /// <summary>The exporter adds from any thread while the test reads: a locked list.</summary>
    private sealed class SpanList : ICollection<Activity>
    {
        private readonly List<Activity> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public List<Activity> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(Activity item) => Snapshot().Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(Activity item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
