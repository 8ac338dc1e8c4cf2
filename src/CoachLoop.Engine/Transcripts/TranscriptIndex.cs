namespace CoachLoop.Engine.Transcripts;

/// <summary>
/// A transcript read once for every check: segments in time order, each distinct normalised word given a number, and per
/// speaker scope the run of that speaker's words across segment boundaries (recognisers split sentences anywhere).
/// </summary>
public sealed class TranscriptIndex
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly ScopeWords?[] _scopes = new ScopeWords?[3];
    private readonly List<int> _words = [];
    private readonly List<int> _wordSegments = [];

    public TranscriptIndex(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        Segments = [.. transcript.Segments.Select((s, i) => (s, i)).OrderBy(p => p.s.Start).ThenBy(p => p.i).Select(p => p.s)];
        var scratch = new List<string>();
        for (var s = 0; s < Segments.Count; s++)
        {
            scratch.Clear();
            WordNormalizer.AddWords(Segments[s].Text, scratch);
            foreach (var word in scratch)
            {
                if (!_vocabulary.TryGetValue(word, out var id))
                {
                    id = _vocabulary.Count;
                    _vocabulary.Add(word, id);
                }

                _words.Add(id);
                _wordSegments.Add(s);
            }
        }

        Vocabulary = new string[_vocabulary.Count];
        First = new char[_vocabulary.Count];
        Last = new char[_vocabulary.Count];
        Length = new int[_vocabulary.Count];
        foreach (var (word, id) in _vocabulary)
        {
            Vocabulary[id] = word;
            First[id] = word[0];
            Last[id] = word[^1];
            Length[id] = word.Length;
        }
    }

    /// <summary>The first character of each vocabulary word: the matcher filters word pairs on it without touching strings.</summary>
    public char[] First { get; }

    /// <summary>The length of each vocabulary word.</summary>
    public int[] Length { get; }

    /// <summary>The last character of each vocabulary word.</summary>
    public char[] Last { get; }

    /// <summary>The segments, by start offset (ties in the order given).</summary>
    public IReadOnlyList<TranscriptSegment> Segments { get; }

    /// <summary>Every distinct normalised word, by its number.</summary>
    public string[] Vocabulary { get; }

    /// <summary>The words of <paramref name="scope"/>'s speaker, in time order.</summary>
    public ScopeWords For(SpeakerScope scope)
    {
        var slot = (int)scope;
        return _scopes[slot] ??= Build(scope);
    }

    private ScopeWords Build(SpeakerScope scope)
    {
        var ids = new List<int>(_words.Count);
        var segments = new List<int>(_words.Count);
        for (var w = 0; w < _words.Count; w++)
        {
            var speaker = Segments[_wordSegments[w]].Speaker;
            if (scope == SpeakerScope.Any || (scope == SpeakerScope.Agent) == (speaker == Speaker.Agent))
            {
                ids.Add(_words[w]);
                segments.Add(_wordSegments[w]);
            }
        }

        return new ScopeWords([.. ids], [.. segments]);
    }
}
