using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Transcripts;

/// <summary>A keyword trigger said on the call, with the segment that said it.</summary>
public sealed record KeywordHit(Criterion Criterion, KeywordTrigger Trigger, TranscriptFinding Finding);
