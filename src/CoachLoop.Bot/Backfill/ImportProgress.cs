using System.Text.Json;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Backfill;

/// <summary>A running job's counts, held by the worker that claimed it and written with every batch.</summary>
internal sealed class ImportProgress
{
    public int LinesRead { get; set; }
    public int Accepted { get; set; }
    public int Duplicates { get; set; }
    public int Invalid { get; set; }
    public long ActiveMilliseconds { get; set; }
    public List<InvalidLine> Listed { get; init; } = [];

    public static ImportProgress Of(ImportJob job) => new()
    {
        LinesRead = job.LinesRead, Accepted = job.Accepted, Duplicates = job.Duplicates, Invalid = job.Invalid,
        ActiveMilliseconds = job.ActiveMilliseconds,
        Listed = JsonSerializer.Deserialize<List<InvalidLine>>(job.InvalidLines, ImportJobStore.Json) ?? [],
    };

    public ImportProgress Copy() => new()
    {
        LinesRead = LinesRead, Accepted = Accepted, Duplicates = Duplicates, Invalid = Invalid, ActiveMilliseconds = ActiveMilliseconds,
        Listed = [.. Listed],
    };

    /// <summary>Counts the line; the list keeps the <paramref name="maxListed"/> lowest line numbers, in order (lines are read in call-time order).</summary>
    public void AddInvalid(InvalidLine line, int maxListed)
    {
        Invalid++;
        var at = Listed.FindIndex(l => l.Line > line.Line);
        Listed.Insert(at < 0 ? Listed.Count : at, line);
        if (Listed.Count > maxListed)
        {
            Listed.RemoveAt(Listed.Count - 1);
        }
    }
}
