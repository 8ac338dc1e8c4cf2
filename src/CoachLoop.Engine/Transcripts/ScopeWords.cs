namespace CoachLoop.Engine.Transcripts;

/// <summary>One speaker scope's words: <see cref="Ids"/> index the transcript's vocabulary, <see cref="Segments"/> its segments.</summary>
public sealed record ScopeWords(int[] Ids, int[] Segments)
{
    /// <summary>How many leading words lie in segments that start at or before <paramref name="window"/>.</summary>
    public int CountWithin(IReadOnlyList<TranscriptSegment> segments, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var count = 0;
        while (count < Segments.Length && segments[Segments[count]].Start <= window)
        {
            count++;
        }

        return count;
    }
}
