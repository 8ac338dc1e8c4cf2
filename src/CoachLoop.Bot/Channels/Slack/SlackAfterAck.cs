using System.Threading.Channels;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Work that happens after Slack's request was acknowledged (Slack wants an answer within 3 seconds) and changes no state, so
/// it may live in memory: publishing the App Home, opening a modal. Clicks that change state are stored before their ack
/// instead (<see cref="SlackInbox"/>). <see cref="SlackWorker"/> runs each job in its own
/// scope. Jobs that spend a trigger_id (views.open, alive 3 s) have a lane of their own, so a slow click never makes a
/// form miss its trigger.
/// </summary>
public sealed class SlackAfterAck
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _jobs = NewLane();
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _triggered = NewLane();

    private int _pending;

    public ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _jobs.Reader;

    /// <summary>Jobs that use a trigger_id: run as soon as they are queued, never behind ordinary work.</summary>
    public ChannelReader<Func<IServiceProvider, CancellationToken, Task>> TriggeredReader => _triggered.Reader;

    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> job)
    {
        Interlocked.Increment(ref _pending);
        Write(_jobs, job);
    }

    /// <summary>
    /// Queues a trigger_id job once <paramref name="response"/> has been sent, so Slack has its ack before the job starts
    /// (as Bolt's <c>ack()</c> then <c>views.open</c>). Counted as pending from now, so <see cref="WhenIdleAsync"/> waits for it.
    /// </summary>
    public void EnqueueTriggeredAfter(HttpResponse response, Func<IServiceProvider, CancellationToken, Task> job)
    {
        ArgumentNullException.ThrowIfNull(response);
        Interlocked.Increment(ref _pending);
        response.OnCompleted(() =>
        {
            Write(_triggered, job);
            return Task.CompletedTask;
        });
    }

    /// <summary>Waits until every queued job has finished (tests; graceful shutdown).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _pending) > 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Slack work did not finish in time.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>No job queued or running.</summary>
    public bool Idle => Volatile.Read(ref _pending) == 0;

    internal void Finished() => Interlocked.Decrement(ref _pending);

    private void Write(Channel<Func<IServiceProvider, CancellationToken, Task>> lane, Func<IServiceProvider, CancellationToken, Task> job)
    {
        if (!lane.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private static Channel<Func<IServiceProvider, CancellationToken, Task>> NewLane() =>
        Channel.CreateUnbounded<Func<IServiceProvider, CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
}
