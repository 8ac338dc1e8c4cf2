using CoachLoop.Data.Webhooks;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// Keeps this host's view of the subscriptions current: loaded before the host takes requests (after the database start-up),
/// then reloaded every <see cref="WebhookOptions.RefreshInterval"/>, so a subscription made on another host counts here too.
/// </summary>
public sealed partial class WebhookSubscriptionRefresher(WebhookSubscriptionCache cache, IOptions<WebhookOptions> options,
    ILogger<WebhookSubscriptionRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Real time on purpose (not the test clock): the interval paces reads, it is not a domain time.
                await Task.Delay(options.Value.RefreshInterval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
                await cache.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Reloading the webhook subscriptions failed; the previous list stays in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
