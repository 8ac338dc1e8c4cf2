using System.Collections.Frozen;

namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// Turns text into the words a script check compares: lower case, punctuation dropped (apostrophes inside a word too: "don't"
/// and "dont" are one word), fillers ("uh", "um") dropped, number words up to ninety written as digits (recognisers write
/// either), and a light suffix strip ("recorded" and "record", "purposes" and "purpose" compare as near-equal). Phrase and
/// transcript go through the same steps, so a strip that mangles a word mangles it on both sides.
/// </summary>
public static class WordNormalizer
{
    private static readonly FrozenSet<string> Fillers = new[] { "uh", "um", "uhm", "er", "erm", "ah", "hmm", "mm" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Numbers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12",
        ["thirteen"] = "13", ["fourteen"] = "14", ["fifteen"] = "15", ["sixteen"] = "16", ["seventeen"] = "17",
        ["eighteen"] = "18", ["nineteen"] = "19", ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50",
        ["sixty"] = "60", ["seventy"] = "70", ["eighty"] = "80", ["ninety"] = "90",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Adds the normalised words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void AddWords(string text, List<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (length < buffer.Length)
                {
                    buffer[length++] = lower;
                }
                else
                {
                    // A "word" longer than 64 characters is noise; it is kept whole so it can still only match itself.
                    if (overflow.Length == 0)
                    {
                        overflow.Append(buffer);
                    }

                    overflow.Append(lower);
                }
            }
            else if (c is not ('\'' or '\u2019') || length == 0)
            {
                Flush(buffer[..length], overflow, words);
                length = 0;
            }
        }

        Flush(buffer[..length], overflow, words);
    }

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        AddWords(text, words);
        return words;
    }

    private static void Flush(ReadOnlySpan<char> word, System.Text.StringBuilder overflow, List<string> words)
    {
        if (overflow.Length > 0)
        {
            words.Add(overflow.ToString());
            overflow.Clear();
            return;
        }

        if (word.IsEmpty)
        {
            return;
        }

        var text = new string(word);
        if (Fillers.Contains(text))
        {
            return;
        }

        words.Add(Numbers.TryGetValue(text, out var digits) ? digits : Stem(text));
    }

    private static string Stem(string word)
    {
        if (word.Length >= 6 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length >= 5 && word.EndsWith("es", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.Length >= 4 && word[^1] == 's' && word[^2] != 's' ? word[..^1] : word;
    }
}
