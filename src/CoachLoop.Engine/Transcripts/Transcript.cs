namespace CoachLoop.Engine.Transcripts;

/// <summary>What was said on a call, segment by segment. Optional on a scored call; checked on intake, not stored.</summary>
public sealed record Transcript(IReadOnlyList<TranscriptSegment> Segments);
