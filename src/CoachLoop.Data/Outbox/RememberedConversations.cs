namespace CoachLoop.Data.Outbox;

/// <summary>
/// A router that asks once per team and once per person for the life of one unit of work (a request), for the intake:
/// a call raising two flags, or a batch of calls of the same agents, would otherwise look the same routes up again
/// for every flag. Routes linked after the first answer are used from the next request on.
/// </summary>
public sealed class RememberedConversations(IConversationRouter inner) : IConversationRouter
{
    private readonly Dictionary<Guid, IReadOnlyList<string>> _managers = [];
    private readonly Dictionary<Guid, string?> _direct = [];

    public string Channel => inner.Channel;

    public async Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct)
    {
        if (!_managers.TryGetValue(teamId, out var found))
        {
            found = await inner.ManagerConversationsAsync(teamId, ct).ConfigureAwait(false);
            _managers[teamId] = found;
        }

        return found;
    }

    public async Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct)
    {
        if (!_direct.TryGetValue(personId, out var found))
        {
            found = await inner.DirectConversationAsync(personId, ct).ConfigureAwait(false);
            _direct[personId] = found;
        }

        return found;
    }
}
