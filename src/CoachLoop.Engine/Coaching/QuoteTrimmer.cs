using System.Text.RegularExpressions;

namespace CoachLoop.Engine.Coaching;

/// <summary>
/// Keeps evidence short enough to read on a card: at most <see cref="MaxWords"/> words, centred
/// on the sentence where the criterion failed. Cut ends are marked with an ellipsis attached to
/// the edge word, so the word count stays honest.
/// </summary>
public static partial class QuoteTrimmer
{
    public const int MaxWords = 40;
    private const string Ellipsis = "\u2026";

    public static string Trim(string quote, string? failingSentence = null, int maxWords = MaxWords)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, 1);
        var words = Words(quote);
        if (words.Length <= maxWords)
        {
            return string.Join(' ', words);
        }

        var (start, length) = LocateFocus(words, quote, failingSentence);
        if (length >= maxWords)
        {
            return Join(words, start, maxWords);
        }

        // Grow the window around the failing sentence, one word each side in turn.
        var spare = maxWords - length;
        var before = Math.Min(start, (spare + 1) / 2);
        var after = Math.Min(words.Length - (start + length), spare - before);
        before = Math.Min(start, spare - after);
        return Join(words, start - before, length + before + after);
    }

    /// <summary>Counts words the way <see cref="Trim"/> does.</summary>
    public static int CountWords(string text) => Words(text).Length;

    private static (int Start, int Length) LocateFocus(string[] words, string quote, string? failingSentence)
    {
        var sentence = string.IsNullOrWhiteSpace(failingSentence) ? FirstSentence(quote) : failingSentence;
        var target = Words(sentence);
        if (target.Length == 0)
        {
            return (0, 0);
        }

        for (var i = 0; i + target.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, target.Length).SequenceEqual(target))
            {
                return (i, target.Length);
            }
        }

        // The sentence is not in the quote verbatim: fall back to the start of the quote.
        return (0, 0);
    }

    private static string FirstSentence(string quote)
    {
        var match = SentenceEnd().Match(quote);
        return match.Success ? quote[..(match.Index + 1)] : quote;
    }

    private static string Join(string[] words, int start, int count)
    {
        var slice = words[start..(start + count)];
        if (start > 0)
        {
            slice[0] = Ellipsis + slice[0];
        }

        if (start + count < words.Length)
        {
            slice[^1] += Ellipsis;
        }

        return string.Join(' ', slice);
    }

    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
