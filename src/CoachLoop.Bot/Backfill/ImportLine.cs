namespace CoachLoop.Bot.Backfill;

/// <summary>
/// One call of an import body: its line number, the call as JSON (CSV rows are turned into the same JSON), and its call time
/// when it could be read (for the order); or, for a row that is not a call at all, the error that refuses it.
/// </summary>
internal sealed record ImportLine(int Line, string? Json, DateTimeOffset? CallTime, string? ErrorField = null, string? Error = null);
