namespace CoachLoop.Engine.Calls;

/// <summary>The exact words behind a score, and where they are in the call.</summary>
/// <param name="Quote">Transcript quote.</param>
/// <param name="Offset">Offset in the call, e.g. 00:12:04.</param>
/// <param name="FailingSentence">Optional: the sentence where the criterion failed; long quotes are trimmed around it.</param>
public sealed record Evidence(string Quote, TimeSpan Offset, string? FailingSentence = null)
{
    /// <summary>"00:12:04".</summary>
    public string OffsetText => Offset.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
