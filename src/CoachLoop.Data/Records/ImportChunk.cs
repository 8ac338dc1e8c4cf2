namespace CoachLoop.Data.Records;

/// <summary>
/// Consecutive lines of an <see cref="ImportJob"/> in call-time order (chunk <see cref="Number"/> holds lines
/// <c>Number * size</c> onwards), each with its line number in the body, as a JSON array of <c>[line, text]</c> pairs.
/// </summary>
public sealed class ImportChunk
{
    public Guid JobId { get; set; }
    public int Number { get; set; }
    public int Count { get; set; }
    public string Lines { get; set; } = "[]";
}
