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

    /// <summary>The most character edits two words of which the longer has <paramref name="longer"/> characters may differ by.</summary>
    public static int MaxEdits(int longer) => longer / 5; // floor((1 - NearEqual) x longer), in integers: it runs per table cell.

    /// <summary>
    /// Whether a word of <paramref name="length"/> characters, <paramref name="first"/> to <paramref name="last"/>, could be
    /// near-equal to one of <paramref name="otherLength"/> characters from <paramref name="otherFirst"/> to
    /// <paramref name="otherLast"/>: the checks that need no distance, for callers that test many pairs.
    /// </summary>
    public static bool MayBeNear(int length, char first, char last, int otherLength, char otherFirst, char otherLast)
    {
        var maxEdits = MaxEdits(Math.Max(length, otherLength));
        return maxEdits > 0 && Math.Abs(length - otherLength) <= maxEdits && (maxEdits >= 2 || first == otherFirst || last == otherLast);
    }

    /// <summary>The replacement cost of <paramref name="a"/> by <paramref name="b"/>, 0-1.</summary>
    public static float Cost(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 0f;
        }

        var longer = Math.Max(a.Length, b.Length);
        var maxEdits = MaxEdits(longer);
        if (maxEdits == 0 || Math.Abs(a.Length - b.Length) > maxEdits || longer > MaxLength || !EndsCanMeet(a, b[0], b[^1], maxEdits)
            || IsNumber(a) || IsNumber(b))
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
        var maxEdits = MaxEdits(Math.Max(a.Length, length));
        if (length > MaxLength || a.IsEmpty || b1.IsEmpty || b2.IsEmpty || Math.Abs(a.Length - length) > maxEdits
            || !EndsCanMeet(a, b1[0], b2[^1], maxEdits))
        {
            return 1f;
        }

        Span<char> joined = stackalloc char[length];
        b1.CopyTo(joined);
        b2.CopyTo(joined[b1.Length..]);
        return Cost(a, joined);
    }

    // Two words whose first characters differ and whose last characters differ are at least two edits apart (one edit
    // fixes one end only), so under two allowed edits such a pair is refused before any distance is computed.
    private static bool EndsCanMeet(ReadOnlySpan<char> a, char first, char last, int maxEdits) =>
        maxEdits >= 2 || a.IsEmpty || a[0] == first || a[^1] == last;

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
