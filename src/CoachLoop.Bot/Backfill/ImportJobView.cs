using System.Text.Json;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// An import job as the API shows it: <c>lines</c> calls in the body, <c>linesRead</c> of them applied (in call-time order),
/// the counts, the first invalid lines with their errors (<c>invalidNotListed</c> more are only counted), the rate in calls per
/// second of work and the estimated seconds left.
/// </summary>
internal sealed record ImportJobView(
    Guid Id,
    string Status,
    string Format,
    string? FileName,
    int Lines,
    int LinesRead,
    int Accepted,
    int Duplicates,
    int Invalid,
    IReadOnlyList<InvalidLine> InvalidLines,
    int InvalidNotListed,
    double? CallsPerSecond,
    double? SecondsLeft,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string Location)
{
    public static ImportJobView From(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var listed = JsonSerializer.Deserialize<List<InvalidLine>>(job.InvalidLines, ImportJobStore.Json) ?? [];
        double? rate = job.ActiveMilliseconds > 0 && job.LinesRead > 0 ? Math.Round(job.LinesRead * 1000.0 / job.ActiveMilliseconds, 1) : null;
        double? left = job.Status == ImportStatus.Completed ? 0
            : rate is > 0 ? Math.Round((job.TotalLines - job.LinesRead) / rate.Value, 1) : null;
        return new ImportJobView(job.Id, job.Status, job.Format, job.FileName, job.TotalLines, job.LinesRead, job.Accepted, job.Duplicates,
            job.Invalid, listed, job.Invalid - listed.Count, rate, left, job.CreatedAt, job.StartedAt, job.FinishedAt, LocationOf(job.Id));
    }

    public static string LocationOf(Guid id) => $"/api/v1/scored-calls/imports/{id}";
}
