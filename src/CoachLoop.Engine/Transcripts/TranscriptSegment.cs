namespace CoachLoop.Engine.Transcripts;

/// <summary>One stretch of speech as the speech recogniser split it.</summary>
/// <param name="Start">Offset in the call where the segment starts: the same convention as evidence offsets (00:00:04).</param>
public sealed record TranscriptSegment(Speaker Speaker, TimeSpan Start, string Text)
{
    /// <summary>"00:00:04".</summary>
    public string StartText => Start.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
