namespace CoachLoop.Engine.Transcripts;

/// <summary>A phrase as the matcher compares it: its normalised words and each pair of neighbours written as one word.</summary>
public sealed class CompiledPhrase
{
    public CompiledPhrase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Words = [.. WordNormalizer.Words(text)];
        Joined = [.. Words.Zip(Words.Skip(1), (a, b) => a + b)];
    }

    /// <summary>The phrase as the rubric wrote it.</summary>
    public string Text { get; }

    public string[] Words { get; }

    /// <summary>Joined[i] is Words[i] + Words[i + 1]: "may be" heard as "maybe".</summary>
    public string[] Joined { get; }
}
