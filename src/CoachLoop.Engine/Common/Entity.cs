namespace CoachLoop.Engine.Common;

/// <summary>Base for entities whose state changes are audited.</summary>
public abstract class AuditedEntity
{
    private readonly List<StateChange> _pendingChanges = [];

    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    /// <summary>Changes made since the entity was last saved; the store drains them into the audit table.</summary>
    public IReadOnlyList<StateChange> PendingChanges => _pendingChanges;

    /// <summary>Called by the store once the changes are part of the transaction.</summary>
    public void ClearPendingChanges() => _pendingChanges.Clear();

    protected abstract string EntityType { get; }

    protected void Record(string action, Actor actor, DateTimeOffset at, string? before, string? after, string? detail = null) =>
        _pendingChanges.Add(new StateChange(EntityType, Id, action, actor, at, before, after, detail));
}
