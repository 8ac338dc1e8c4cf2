namespace CoachLoop.Engine.Transcripts;

/// <summary>The best alignment of a phrase in a run of words: its similarity (0-1) and the words it spans (inclusive).</summary>
public readonly record struct PhraseMatch(double Similarity, int FirstWord, int LastWord)
{
    public static PhraseMatch None => new(0, -1, -1);

    public bool Found => FirstWord >= 0;
}
