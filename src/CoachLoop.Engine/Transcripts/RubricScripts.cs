using System.Collections.Concurrent;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// A rubric version's script checks and keyword triggers with their phrases compiled once. Rubric versions never change, so
/// the compiled form is cached by version id (a bounded cache: it is dropped whole when it grows past the versions in use).
/// </summary>
public sealed class RubricScripts
{
    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<Guid, RubricScripts> Cache = new();

    private RubricScripts(Rubric rubric)
    {
        Scripts = [.. rubric.Criteria.Where(c => c.ScriptCheck is { Phrases.Count: > 0 })
            .Select(c => (c, c.ScriptCheck!.Phrases.Select(p => new CompiledPhrase(p)).ToArray()))];
        Keywords = [.. rubric.Criteria.SelectMany(c => (c.KeywordTriggers ?? []).Select(t => (c, t, t.Phrases.Select(p => new CompiledPhrase(p)).ToArray())))];
    }

    public IReadOnlyList<(Criterion Criterion, CompiledPhrase[] Phrases)> Scripts { get; }

    public IReadOnlyList<(Criterion Criterion, KeywordTrigger Trigger, CompiledPhrase[] Phrases)> Keywords { get; }

    public bool IsEmpty => Scripts.Count == 0 && Keywords.Count == 0;

    /// <summary>The compiled checks of <paramref name="rubric"/>.</summary>
    public static RubricScripts For(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        if (rubric.Id == Guid.Empty)
        {
            return new RubricScripts(rubric);
        }

        if (Cache.Count > CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(rubric.Id, _ => new RubricScripts(rubric));
    }
}
