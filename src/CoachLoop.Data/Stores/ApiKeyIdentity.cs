namespace CoachLoop.Data.Stores;

/// <summary>Who a verified bearer key is: its id, its unique name and whether it may manage keys.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, bool IsAdmin);
