using System.Threading.Channels;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Work that happens after Slack's request was acknowledged (Slack wants an answer within 3 seconds): publishing the App
/// Home, running a button click through the chat core. <see cref="SlackWorker"/> runs each job in its own scope.
/// </summary>
public sealed class SlackAfterAck
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _jobs =
        Channel.CreateUnbounded<Func<IServiceProvider, CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    public ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _jobs.Reader;

    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> job)
    {
        Interlocked.Increment(ref _pending);
        if (!_jobs.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref _pending);
        }
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

    internal void Finished() => Interlocked.Decrement(ref _pending);
}
