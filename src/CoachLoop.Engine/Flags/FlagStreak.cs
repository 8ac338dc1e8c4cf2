using System.Globalization;
using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Flags;

/// <summary>
/// The pattern side of a flag: the streak of calls a pattern flag names, the calls that extend it later,
/// and the quality flags of the streak folded into it, so a manager sees one item for one problem.
/// </summary>
public sealed partial class Flag
{
    private readonly List<StreakCall> _streak = [];

    /// <summary>For a pattern flag: the calls of its streak, in call order. Empty for other flags.</summary>
    public IReadOnlyList<StreakCall> Streak =>
        [.. _streak.OrderBy(c => c.CallTime.UtcTicks).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.CallId, StringComparer.Ordinal)];

    /// <summary>For a quality flag folded into a pattern flag: that pattern flag.</summary>
    public Guid? SupersededBy { get; private set; }

    /// <summary>A further failing call joins the streak: the flag names it and says so in its history; nothing else moves.</summary>
    public void ExtendStreak(StreakNote note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(note);
        GuardPatternNote(note, StreakNoteKind.Extended);
        // A run can hold calls another pattern flag already names (two streaks joined by an overturned score,
        // or rows from before one call belonged to one streak); those stay with their flag.
        var added = Claim(note.Run.Where(c => c.PatternFlagId is null || c.PatternFlagId == Id).Append(note.Call), now);
        var detail = $"call {Describe(note.Call)} extends the streak to {_streak.Count} calls" +
            (note.Reasons.Count > 0 ? ": " + string.Join("; ", note.Reasons) : "");
        if (added > 0)
        {
            Move(Status, Actor.System("api"), now, Status, "streak-extended", detail);
        }
    }

    /// <summary>
    /// A passing call scored late lands inside the streak. The flag stands (it was true when raised, and the
    /// calls it names still failed); its history says the streak is split from that call on.
    /// </summary>
    public void NoteStreakSplit(StreakNote note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(note);
        GuardPatternNote(note, StreakNoteKind.Split);
        Move(Status, Actor.System("api"), now, Status, "streak-split",
            $"passing call {Describe(note.Call)} scored late lands inside the streak; the flag stands");
    }

    /// <summary>A quality flag of a streak folds into the streak's pattern flag: closed, linked to it.</summary>
    public void Supersede(Flag pattern, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Kind != FlagKind.Quality || pattern.Kind != FlagKind.Pattern || pattern.AgentId != AgentId ||
            !string.Equals(pattern.CriterionId, CriterionId, StringComparison.Ordinal))
        {
            throw new DomainException("flag.not-foldable", "Only a quality flag folds, and only into a pattern flag of its agent and criterion.");
        }

        var before = GuardOpen("supersede");
        ClosedAt = now;
        SupersededBy = pattern.Id;
        ClosingNote = $"Superseded by the pattern flag {pattern.Id} ({pattern._streak.Count} calls in a row below threshold).";
        Move(FlagStatus.Closed, Actor.System("api"), now, before, "supersede", ClosingNote);
    }

    private void StartStreak(PatternStreak streak, Guid scoredCallId, DateTimeOffset now) =>
        Claim(streak.Calls.Select(c => c.ScoredCallId == Guid.Empty ? c with { ScoredCallId = scoredCallId } : c), now);

    private int Claim(IEnumerable<HistoryCall> calls, DateTimeOffset now)
    {
        var added = 0;
        foreach (var call in calls)
        {
            if (_streak.TrueForAll(c => c.ScoredCallId != call.ScoredCallId))
            {
                _streak.Add(new StreakCall(call, CriterionId, now));
                added++;
            }
        }

        return added;
    }

    private void GuardPatternNote(StreakNote note, StreakNoteKind kind)
    {
        if (Kind != FlagKind.Pattern || note.FlagId != Id || note.Kind != kind ||
            !string.Equals(note.CriterionId, CriterionId, StringComparison.Ordinal))
        {
            throw new DomainException("flag.not-this-streak", "That call is not about this pattern flag's streak.");
        }
    }

    private static string Describe(HistoryCall call) => string.Create(CultureInfo.InvariantCulture,
        $"{call.CallId} ({call.CallTime.ToUniversalTime():d MMM HH:mm} UTC, {call.Score:0.##})");
}
