namespace CoachLoop.Engine.Calls;

/// <summary>A call already stored: its content fingerprint and the receipt first answered.</summary>
public sealed record StoredCall(string ContentHash, CallReceipt Receipt);
