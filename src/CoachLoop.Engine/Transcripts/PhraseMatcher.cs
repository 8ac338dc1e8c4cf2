namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// Finds where a phrase was said, word by word: an edit distance over words whose start in the transcript is free
/// (approximate substring matching), so the phrase slides over the speaker's words across segment boundaries in one pass.
/// Operations: keep or replace a word (<see cref="WordSimilarity.Cost"/>), drop a phrase word (1), skip an extra transcript
/// word inside the match (1), and two words heard as one or one heard as two (the cost of the joined pair: "may be" /
/// "maybe"). Similarity = 1 - distance / phrase words. Buffers are kept between phrases: no allocation per window step.
/// Not thread-safe: one matcher per intake.
/// </summary>
public sealed class PhraseMatcher
{
    private const float NoJoin = 2f;

    private float[] _replace = [];
    private float[] _merge = [];
    private float[][] _distance = [[], [], []];
    private int[][] _start = [[], [], []];

    /// <summary>
    /// The best match anywhere, and the best among the first <paramref name="within"/> words alone (a column of the table
    /// depends only on the words before it, so both come from one pass).
    /// </summary>
    public (PhraseMatch Within, PhraseMatch Anywhere) Match(CompiledPhrase phrase, TranscriptIndex index, ScopeWords words, int within)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(words);
        var m = phrase.Words.Length;
        var n = words.Ids.Length;
        if (m == 0 || n == 0)
        {
            return (PhraseMatch.None, PhraseMatch.None);
        }

        var vocabulary = index.Vocabulary;
        FillCosts(phrase, vocabulary);
        Ensure(n + 1);
        var v = vocabulary.Length;
        var ids = words.Ids;
        char[] firsts = index.First, lasts = index.Last;
        var lengths = index.Length;
        float[] before = _distance[0], previous = _distance[1], current = _distance[2];
        int[] beforeStart = _start[0], previousStart = _start[1], currentStart = _start[2];
        for (var j = 0; j <= n; j++)
        {
            previous[j] = 0;
            previousStart[j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            current[0] = i;
            currentStart[0] = 0;
            var row = (i - 1) * v;
            var word = phrase.Words[i - 1];
            for (var j = 1; j <= n; j++)
            {
                var id = ids[j - 1];
                var best = previous[j - 1] + _replace[row + id];
                var start = previousStart[j - 1];
                if (previous[j] + 1 < best)
                {
                    best = previous[j] + 1;
                    start = previousStart[j];
                }

                if (current[j - 1] + 1 < best)
                {
                    best = current[j - 1] + 1;
                    start = currentStart[j - 1];
                }

                if (i >= 2 && before[j - 1] + _merge[(i - 2) * v + id] < best)
                {
                    best = before[j - 1] + _merge[(i - 2) * v + id];
                    start = beforeStart[j - 1];
                }

                var prior = j >= 2 ? ids[j - 2] : 0;
                if (j >= 2 && previous[j - 2] < best
                    && WordSimilarity.MayBeNear(word.Length, word[0], word[^1], lengths[prior] + lengths[id], firsts[prior], lasts[id]))
                {
                    var split = previous[j - 2] + JoinCost(WordSimilarity.JoinedCost(word, vocabulary[prior], vocabulary[id]));
                    if (split < best)
                    {
                        best = split;
                        start = previousStart[j - 2];
                    }
                }

                current[j] = best;
                currentStart[j] = start;
            }

            (before, previous, current) = (previous, current, before);
            (beforeStart, previousStart, currentStart) = (previousStart, currentStart, beforeStart);
        }

        return Best(previous, previousStart, n, m, within);
    }

    private static (PhraseMatch Within, PhraseMatch Anywhere) Best(float[] last, int[] starts, int n, int m, int within)
    {
        var anywhere = PhraseMatch.None;
        var inside = PhraseMatch.None;
        for (var j = 1; j <= n; j++)
        {
            if (starts[j] >= j)
            {
                continue;
            }

            var similarity = Math.Clamp(1.0 - last[j] / m, 0.0, 1.0);
            var match = new PhraseMatch(similarity, starts[j], j - 1);
            if (!anywhere.Found || similarity > anywhere.Similarity)
            {
                anywhere = match;
            }

            if (j <= within && (!inside.Found || similarity > inside.Similarity))
            {
                inside = match;
            }
        }

        return (inside, anywhere);
    }

    // A join replaces two words by one: allowed only when the joined pair is near-equal, or two unrelated words would cost 1.
    private static float JoinCost(float cost) => cost < 1f ? cost : NoJoin;

    private void FillCosts(CompiledPhrase phrase, string[] vocabulary)
    {
        var v = vocabulary.Length;
        var m = phrase.Words.Length;
        if (_replace.Length < m * v)
        {
            _replace = new float[m * v];
            _merge = new float[m * v];
        }

        for (var i = 0; i < m; i++)
        {
            for (var id = 0; id < v; id++)
            {
                _replace[i * v + id] = WordSimilarity.Cost(phrase.Words[i], vocabulary[id]);
                _merge[i * v + id] = i < phrase.Joined.Length ? JoinCost(WordSimilarity.Cost(phrase.Joined[i], vocabulary[id])) : NoJoin;
            }
        }
    }

    private void Ensure(int length)
    {
        if (_distance[0].Length >= length)
        {
            return;
        }

        _distance = [new float[length], new float[length], new float[length]];
        _start = [new int[length], new int[length], new int[length]];
    }
}
