namespace CoachLoop.Engine.Tests.Builders;

/// <summary>Transcript quotes of a known length, so word counts are exact.</summary>
public static class Quotes
{
    /// <summary>The sentence where empathy failed: 6 words.</summary>
    public const string FailingSentence = "That is just our policy, sorry.";

    /// <summary>Filler words w1, w2, ... ending with a full stop, so each is one sentence.</summary>
    public static string Filler(int words, string prefix = "w") =>
        string.Join(' ', Enumerable.Range(1, words).Select(i => $"{prefix}{i}")) + ".";

    /// <summary><paramref name="before"/> filler words, the failing sentence, then <paramref name="after"/> filler words.</summary>
    public static string Around(int before, int after)
    {
        var parts = new List<string>();
        if (before > 0)
        {
            parts.Add(Filler(before, "b"));
        }

        parts.Add(FailingSentence);
        if (after > 0)
        {
            parts.Add(Filler(after, "a"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>Counts words by splitting on single spaces, independently of <see cref="QuoteTrimmer.CountWords"/>.</summary>
    public static int SpaceSeparatedWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
