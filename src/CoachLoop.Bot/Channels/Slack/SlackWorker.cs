namespace CoachLoop.Bot.Channels.Slack;

/// <summary>Runs the jobs of <see cref="SlackAfterAck"/> one after another, each in a fresh DI scope.</summary>
public sealed partial class SlackWorker(SlackAfterAck queue, IServiceScopeFactory scopes, ILogger<SlackWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await job(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
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
