namespace CoachLoop.Data.Stores;

/// <summary>A flag's place in the list order: urgent first, then newest raised first, then by id.</summary>
public sealed record FlagPosition(bool Urgent, DateTimeOffset RaisedAt, Guid Id);
