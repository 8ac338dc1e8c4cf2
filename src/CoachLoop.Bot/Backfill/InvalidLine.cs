namespace CoachLoop.Bot.Backfill;

/// <summary>An invalid line of an import: its line number and its errors per field, as the single post's problem names them.</summary>
internal sealed record InvalidLine(int Line, IDictionary<string, string[]> Errors);
