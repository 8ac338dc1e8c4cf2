namespace CoachLoop.Engine.Digests;

/// <summary>One line of a digest: a flag or dispute, whose, about what, where it stands.</summary>
public sealed record DigestItem(Guid SubjectId, string Agent, string Line, string State, bool Urgent);
