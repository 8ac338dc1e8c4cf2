using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Calls;

/// <summary>
/// Applies what a call does to existing flags: a new or extended pattern flag folds the open quality flags
/// of its streak, an extension is noted on the streak's flag, a split too. Returns every flag it changed,
/// so the store writes them with the call.
/// </summary>
internal static class StreakChanges
{
    public static async Task<IReadOnlyList<Flag>> ApplyAsync(ICallIntakeStore store, FlagDecision decision, IReadOnlyList<Flag> raised,
        DateTimeOffset now, CancellationToken ct)
    {
        var changed = new List<Flag>();
        foreach (var pattern in raised.Where(f => f.Kind == FlagKind.Pattern))
        {
            await FoldAsync(store, pattern, changed, now, ct).ConfigureAwait(false);
        }

        foreach (var note in decision.Notes)
        {
            if (await store.FindFlagAsync(note.FlagId, ct).ConfigureAwait(false) is not { } flag)
            {
                continue;
            }

            if (note.Kind == StreakNoteKind.Extended)
            {
                flag.ExtendStreak(note, now);
                await FoldAsync(store, flag, changed, now, ct).ConfigureAwait(false);
            }
            else
            {
                flag.NoteStreakSplit(note, now);
            }

            if (!changed.Contains(flag))
            {
                changed.Add(flag);
            }
        }

        return changed;
    }

    // Quality flags of the streak's calls on the same criterion: one problem, one item for the manager.
    private static async Task FoldAsync(ICallIntakeStore store, Flag pattern, List<Flag> changed, DateTimeOffset now, CancellationToken ct)
    {
        var calls = pattern.Streak.Select(c => c.ScoredCallId).ToList();
        foreach (var quality in await store.FindOpenQualityFlagsAsync(pattern.AgentId, pattern.CriterionId, calls, ct).ConfigureAwait(false))
        {
            quality.Supersede(pattern, now);
            changed.Add(quality);
        }
    }
}
