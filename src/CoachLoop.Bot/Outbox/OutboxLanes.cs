using System.Diagnostics;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// One run of the dispatcher's lanes. Each lane (channel + conversation + urgency) sends one message at a time, in id order,
/// while other lanes go on beside it: a slow or failing conversation holds up only itself. Non-urgent lanes share
/// <see cref="OutboxOptions.Parallelism"/> slots and urgent lanes have <see cref="OutboxOptions.UrgentParallelism"/> of their
/// own, so urgent cards never wait for a slot; within one conversation the urgent lane goes before the non-urgent one.
/// The bookkeeping is done for many lanes at once, on this loop: each pass records the outcomes of the sends that finished
/// (<see cref="OutboxRecords"/>, one transaction), then claims and reads the lane heads that fit the free slots
/// (<see cref="OutboxDelivery"/>, one claim), and starts their sends, each of which builds its card beside the others. A send
/// finishing wakes the loop; a lane stays busy until its outcome is recorded, so its next message is never sent before the
/// previous one is settled. While busy, passes are paced (<see cref="PassPacing"/>) so that each serves many messages.
/// </summary>
internal sealed partial class OutboxLanes(IServiceScopeFactory scopes, OutboxSignal signal, OutboxOptions settings, string owner,
    DurableCommits durable, ILogger logger)
{
    /// <summary>
    /// While messages keep coming, a pass starts at most this long after the previous one started, so its claim, reads and
    /// records (one transaction) serve everything that came due or finished meanwhile instead of one message each. A pass
    /// after a quiet time starts at once.
    /// </summary>
    internal static readonly TimeSpan PassPacing = TimeSpan.FromMilliseconds(10);

    private readonly Dictionary<string, (Task<SendResult> Send, PreparedMessage Message, bool Urgent)> _running = new(StringComparer.Ordinal);
    private int _handled;

    /// <summary>Delivers until nothing is due and no lane is busy (<paramref name="untilIdle"/>), or until cancelled.</summary>
    public async Task<int> RunAsync(bool untilIdle, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var busy = await RecordFinishedAsync(ct).ConfigureAwait(false) | await FillAsync(ct).ConfigureAwait(false);
                if (untilIdle && _running.Count == 0)
                {
                    break;
                }

                // New rows, a send finishing and the poll interval all end this wait.
                await signal.WaitAsync(settings.PollInterval, ct).ConfigureAwait(false);
                if (busy && Stopwatch.GetElapsedTime(started) is var elapsed && elapsed < PassPacing)
                {
                    // Busy: what else comes due or finishes meanwhile joins the next pass, so a pass serves many messages.
                    await Task.Delay(PassPacing - elapsed, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // What is being sent is finished and recorded; a send cut short by shutting down is left to its lease.
            await Task.WhenAll(_running.Values.Select(r => (Task)r.Send)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            try
            {
                await RecordFinishedAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogRecordFailed(logger, ex);
            }
        }

        return _handled;
    }

    /// <returns>Whether any outcome was there to record.</returns>
    private async Task<bool> RecordFinishedAsync(CancellationToken ct)
    {
        var finished = _running.Where(r => r.Value.Send.IsCompleted).ToList();
        if (finished.Count == 0)
        {
            return false;
        }

        var outcomes = finished.Where(r => r.Value.Send.IsCompletedSuccessfully).Select(r => (r.Value.Message, r.Value.Send.Result)).ToList();
        using var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.OutboxRecord);
        activity?.SetTag(CoachLoopTags.BatchSize, outcomes.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxRecords>().RecordAsync(outcomes, owner, ct).ConfigureAwait(false);
            Interlocked.Add(ref _handled, outcomes.Count);
        }
        finally
        {
            // Recorded, or (the write failed) left to their leases: either way these lanes are free for their next pass.
            foreach (var (lane, _) in finished)
            {
                _running.Remove(lane);
            }
        }

        return true;
    }

    /// <returns>Whether any send started.</returns>
    private async Task<bool> FillAsync(CancellationToken ct)
    {
        var urgentFree = settings.UrgentParallelism - _running.Values.Count(r => r.Urgent);
        var normalFree = settings.Parallelism - _running.Values.Count(r => !r.Urgent);
        if (urgentFree <= 0 && normalFree <= 0)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().DueAsync(settings.BatchSize, ct).ConfigureAwait(false);

        // Due lists urgent heads first, so a conversation's urgent lane is known before its non-urgent one comes up.
        var urgentConversations = new HashSet<string>(_running.Where(r => r.Value.Urgent).Select(r => Conversation(r.Key)), StringComparer.Ordinal);
        var heads = new List<long>();
        foreach (var head in due.Where(m => !_running.ContainsKey(m.Lane)))
        {
            if (head.Urgent)
            {
                urgentConversations.Add(Conversation(head.Lane));
                if (urgentFree-- > 0)
                {
                    heads.Add(head.Id);
                }
            }
            else if (!urgentConversations.Contains(Conversation(head.Lane)) && normalFree-- > 0)
            {
                heads.Add(head.Id);
            }
        }

        if (heads.Count == 0)
        {
            return false;
        }

        // The pass is the claim and the card builds; each send runs on as a child span of it.
        using var pass = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.OutboxPass);
        pass?.SetTag(CoachLoopTags.BatchSize, heads.Count);
        var builds = new CardBuilds();
        foreach (var prepared in await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().PrepareAsync(heads, owner, ct).ConfigureAwait(false))
        {
            _running[prepared.Message.Lane] = (Task.Run(() => SendAsync(prepared, builds, ct), CancellationToken.None), prepared, prepared.Message.Urgent);
        }

        return true;
    }

    private async Task<SendResult> SendAsync(PreparedMessage prepared, CardBuilds builds, CancellationToken ct)
    {
        using var activity = SendTelemetry.Start(prepared);
        try
        {
            if (prepared.Answer is null && prepared.Message.Operation == Data.Records.OutboxOperation.Post)
            {
                // A post is not idempotent: the claim that marks it "maybe sent" from now on must outlast a power cut before it goes out.
                await durable.WaitAsync().ConfigureAwait(false);
            }

            await using var scope = scopes.CreateAsyncScope();
            var result = await OutboxDelivery.SendAsync(prepared, builds, scope.ServiceProvider, ct).ConfigureAwait(false);
            SendTelemetry.Finish(activity, prepared, result);
            return result;
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

    [LoggerMessage(LogLevel.Error, "Recording outbox outcomes failed; those messages are sent again once their leases run out")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
