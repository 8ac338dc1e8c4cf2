using CoachLoop.Engine.Calls;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Group commit for single posts: calls posted one per request while others are being written wait together and go in as the
/// next batch (one transaction, one commit, each call still standing or failing on its own, see
/// <see cref="ScoredCallIntake.IngestManyAsync"/>). A post that finds the intake idle is written at once, as a group of one, so
/// a lone call waits for nothing; under concurrent posts a commit carries as many calls as arrived during the previous one.
/// </summary>
internal sealed class SinglePostGroups(IServiceScopeFactory scopes)
{
    private readonly object _lock = new();
    private List<Waiting> _queued = [];
    private bool _draining;

    public async Task<IntakeResult> IngestAsync(ScoredCall call, CancellationToken ct)
    {
        var waiting = new Waiting(call);
        bool lead;
        lock (_lock)
        {
            _queued.Add(waiting);
            lead = !_draining;
            _draining = true;
        }

        if (lead)
        {
            // Not the request's token: the group holds other requests' calls, which a disconnect of this one must not cancel.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return await waiting.Result.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        try
        {
            // One scope for as long as posts keep coming: its store keeps its prepared commands and its connection from one group
            // to the next, which a scope per group would prepare and open again each time.
            await using var scope = scopes.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ScoredCallIntake>();
            while (Next() is { } group)
            {
                await IngestAsync(intake, group).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // No scope (the host stopping): every post still waiting is told.
            while (Next() is { } group)
            {
                group.ForEach(w => w.Result.TrySetException(ex));
            }
        }
    }

    private List<Waiting>? Next()
    {
        lock (_lock)
        {
            if (_queued.Count == 0)
            {
                _draining = false;
                return null;
            }

            var group = _queued.Count <= ScoredCallIntake.ChunkSize ? _queued : _queued[..ScoredCallIntake.ChunkSize];
            _queued = _queued.Count <= ScoredCallIntake.ChunkSize ? [] : _queued[ScoredCallIntake.ChunkSize..];
            return group;
        }
    }

    private static async Task IngestAsync(ScoredCallIntake intake, List<Waiting> group)
    {
        try
        {
            // A call that fails when taken alone fails its own post only, as when each post was written by itself.
            var results = await intake.IngestManyAsync([.. group.Select(w => w.Call)], (i, ex) =>
            {
                group[i].Result.TrySetException(ex);
                return IntakeResult.Invalid([]);
            }, CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            // The group failed before any call was taken alone: every post of it is told.
            group.ForEach(w => w.Result.TrySetException(ex));
        }
    }

    private sealed class Waiting(ScoredCall call)
    {
        public ScoredCall Call { get; } = call;

        public TaskCompletionSource<IntakeResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
