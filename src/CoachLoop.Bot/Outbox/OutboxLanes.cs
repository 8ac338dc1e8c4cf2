using CoachLoop.Data.Outbox;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// One run of the dispatcher's lanes. Each lane (channel + conversation + urgency) is delivered by its own worker, one message
/// after another in id order, while other lanes go on beside it: a slow or failing conversation holds up only itself.
/// Non-urgent lanes share <see cref="OutboxOptions.Parallelism"/> slots and urgent lanes have
/// <see cref="OutboxOptions.UrgentParallelism"/> of their own, so urgent cards never wait for a slot; within one conversation
/// the urgent lane goes before the non-urgent one. A worker finishing wakes the run to fill its slot at once.
/// </summary>
internal sealed partial class OutboxLanes(IServiceScopeFactory scopes, OutboxSignal signal, OutboxOptions settings, string owner, ILogger logger)
{
    private readonly Dictionary<string, (Task Worker, bool Urgent)> _running = new(StringComparer.Ordinal);
    private int _handled;

    /// <summary>Delivers until nothing is due and no lane is busy (<paramref name="untilIdle"/>), or until cancelled.</summary>
    public async Task<int> RunAsync(bool untilIdle, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Reap();
                await FillAsync(ct).ConfigureAwait(false);
                if (untilIdle && _running.Count == 0)
                {
                    break;
                }

                // New rows, a lane finishing and the poll interval all end this wait.
                await signal.WaitAsync(settings.PollInterval, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            // Lanes stop at their next message once cancelled; what they were sending is finished or left to its lease.
            await Task.WhenAll(_running.Values.Select(r => r.Worker)).ConfigureAwait(false);
        }

        return _handled;
    }

    private void Reap()
    {
        foreach (var lane in _running.Where(r => r.Value.Worker.IsCompleted).Select(r => r.Key).ToList())
        {
            _running.Remove(lane);
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var urgentFree = settings.UrgentParallelism - _running.Values.Count(r => r.Urgent);
        var normalFree = settings.Parallelism - _running.Values.Count(r => !r.Urgent);
        if (urgentFree <= 0 && normalFree <= 0)
        {
            return;
        }

        IReadOnlyList<Data.Records.OutboxMessage> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().DueAsync(settings.BatchSize, ct).ConfigureAwait(false);
        }

        // Due lists urgent heads first, so a conversation's urgent lane is known before its non-urgent one comes up.
        var urgentConversations = new HashSet<string>(_running.Where(r => r.Value.Urgent).Select(r => Conversation(r.Key)), StringComparer.Ordinal);
        foreach (var head in due.Where(m => !_running.ContainsKey(m.Lane)))
        {
            if (head.Urgent)
            {
                urgentConversations.Add(Conversation(head.Lane));
                if (urgentFree-- > 0)
                {
                    Start(head.Lane, head.Id, urgent: true, ct);
                }
            }
            else if (!urgentConversations.Contains(Conversation(head.Lane)) && normalFree-- > 0)
            {
                Start(head.Lane, head.Id, urgent: false, ct);
            }
        }
    }

    private void Start(string lane, long head, bool urgent, CancellationToken ct) =>
        _running[lane] = (Task.Run(() => RunLaneAsync(lane, head, ct), CancellationToken.None), urgent);

    private async Task RunLaneAsync(string lane, long head, CancellationToken ct)
    {
        try
        {
            for (long? id = head; id is { } next && !ct.IsCancellationRequested;)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(next, owner, ct).ConfigureAwait(false))
                {
                    return; // another host has this lane now
                }

                Interlocked.Increment(ref _handled);
                id = await scope.ServiceProvider.GetRequiredService<OutboxStore>().LaneHeadAsync(lane, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogLaneFailed(logger, lane, ex);
        }
        finally
        {
            signal.Pulse();
        }
    }

    /// <summary>The lane without its urgency (and message, for a message's own update lane): channel and conversation.</summary>
    internal static string Conversation(string lane)
    {
        var cut = lane.LastIndexOf('|');
        if (cut > 0 && lane[(cut + 1)..] is not ("urgent" or "normal"))
        {
            cut = lane.LastIndexOf('|', cut - 1);
        }

        return lane[..Math.Max(cut, 0)];
    }

    [LoggerMessage(LogLevel.Error, "Outbox lane {Lane} stopped after an error; it is picked up again on the next pass")]
    private static partial void LogLaneFailed(ILogger logger, string lane, Exception exception);
}
