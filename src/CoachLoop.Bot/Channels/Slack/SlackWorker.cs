using System.Threading.Channels;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Runs the jobs of <see cref="SlackAfterAck"/>, each in a fresh DI scope: ordinary jobs one after another, and beside them,
/// in a loop of their own, the jobs that must use a trigger_id within its 3 seconds.
/// </summary>
public sealed partial class SlackWorker(SlackAfterAck queue, IServiceScopeFactory scopes, ILogger<SlackWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunAsync(queue.Reader, stoppingToken), RunAsync(queue.TriggeredReader, stoppingToken));

    private async Task RunAsync(ChannelReader<Func<IServiceProvider, CancellationToken, Task>> lane, CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the two loops start once the host has started.
        await Task.Yield();
        try
        {
            await foreach (var job in lane.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await job(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One job's failure (a timeout included) must not stop the lane.
                    LogFailed(logger, ex);
                }
                finally
                {
                    queue.Finished();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Error, "A Slack job failed after its request was acknowledged")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
