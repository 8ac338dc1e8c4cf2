namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// How much replacing one word by another costs in a script match: 0 for the same word; 1 - s for near-equal words, where
/// s = 1 - (character edit distance / longer length) is at least <see cref="NearEqual"/> ("recorded" / "recordid" = 0.875,
/// cost 0.125); 1 for anything else. Numbers are never near-equal ("30" is not "38"). Words under five characters
/// must be equal: one edit in "may" is a different word.
/// </summary>
public static class WordSimilarity
{
    /// <summary>The character similarity from which two words count as the same word misheard.</summary>
    public const double NearEqual = 0.8;

    private const int MaxLength = 64;

    /// <summary>The replacement cost of <paramref name="a"/> by <paramref name="b"/>, 0-1.</summary>
    public static float Cost(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 0f;
        }

        var longer = Math.Max(a.Length, b.Length);
        var maxEdits = (int)Math.Floor((1 - NearEqual) * longer + 1e-9);
        if (maxEdits == 0 || Math.Abs(a.Length - b.Length) > maxEdits || longer > MaxLength || IsNumber(a) || IsNumber(b))
        {
            return 1f;
        }

        var edits = BoundedDistance(a, b, maxEdits);
        return edits > maxEdits ? 1f : (float)edits / longer;
    }

    /// <summary>The cost of <paramref name="a"/> against the two words <paramref name="b1"/> and <paramref name="b2"/> written as one ("maybe" / "may be").</summary>
    public static float JoinedCost(ReadOnlySpan<char> a, ReadOnlySpan<char> b1, ReadOnlySpan<char> b2)
    {
        var length = b1.Length + b2.Length;
        if (length > MaxLength || Math.Abs(a.Length - length) > (int)Math.Floor((1 - NearEqual) * Math.Max(a.Length, length) + 1e-9))
        {
            return 1f;
        }

        Span<char> joined = stackalloc char[length];
        b1.CopyTo(joined);
        b2.CopyTo(joined[b1.Length..]);
        return Cost(a, joined);
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // Levenshtein distance over two rows on the stack, given up as soon as every cell of a row exceeds the bound.
    private static int BoundedDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                var value = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
