using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The Events API (<see href="https://api.slack.com/apis/events-api">Events API</see>): answers url_verification with the
/// challenge, handles each event_callback once (Slack retries with X-Slack-Retry-Num; event_id is the key), publishes the App
/// Home after the ack, and on app_uninstalled or tokens_revoked stops all sending with the installation the event came from (the
/// workspace, or the org of an org-wide install), leaving every other installation as it was.
/// </summary>
public sealed partial class SlackEvents(CoachLoopDbContext db, SlackAfterAck queue, SlackTokenVault vault, TimeProvider clock, ILogger<SlackEvents> logger)
{
    public async Task<IResult> HandleAsync(JsonObject envelope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        switch (SlackJson.Str(envelope, "type"))
        {
            case "url_verification":
                return TypedResults.Json(new { challenge = SlackJson.Str(envelope, "challenge") ?? "" });
            case "event_callback":
                await OnEventAsync(envelope, ct).ConfigureAwait(false);
                return TypedResults.Ok();
            case "app_rate_limited":
                LogRateLimited(logger, SlackJson.Str(envelope, "team_id"));
                return TypedResults.Ok();
            default:
                return TypedResults.Ok();
        }
    }

    private async Task OnEventAsync(JsonObject envelope, CancellationToken ct)
    {
        var eventId = SlackJson.Str(envelope, "event_id");
        var team = SlackInstallKey.OfEvent(envelope);
        var inner = envelope["event"] as JsonObject;
        if (string.IsNullOrEmpty(eventId) || inner is null)
        {
            return;
        }

        var key = "slack:" + eventId;
        if (await db.InboundEvents.AnyAsync(e => e.Key == key, ct).ConfigureAwait(false))
        {
            LogDuplicate(logger, eventId);
            return;
        }

        db.InboundEvents.Add(new InboundEvent { Key = key, ReceivedAt = clock.GetUtcNow() });
        var type = SlackJson.Str(inner, "type");
        switch (type)
        {
            case "app_uninstalled":
                await DeactivateAsync(team, type, ct).ConfigureAwait(false);
                break;
            case "tokens_revoked" when (inner["tokens"]?["bot"] is JsonArray { Count: > 0 }):
                await DeactivateAsync(team, type, ct).ConfigureAwait(false);
                break;
        }

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A retry raced the original delivery: the first one is handling it.
            LogDuplicate(logger, eventId);
            return;
        }

        if (type == "app_home_opened" && SlackJson.Str(inner, "tab") is null or "home" && SlackJson.Str(inner, "user") is { } user)
        {
            queue.Enqueue((services, token) => services.GetRequiredService<SlackHome>().PublishAsync(team, user, token));
        }
    }

    private async Task DeactivateAsync(string team, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await db.SlackInstallations.FirstOrDefaultAsync(i => i.InstallKey == team, ct).ConfigureAwait(false) is { } installed)
        {
            // Its queued cards are dead-lettered by the sender from now on, on every host (it reads this row on each send).
            installed.RevokedAt ??= now;
            installed.RevokedReason = reason;
            installed.UpdatedAt = now;
            vault.Forget(installed.ProtectedBotToken);
        }

        // Routing stops creating cards for this tenant (also for the configured single-workspace token, which has no row).
        var installs = await db.ChannelInstallations.Where(i => i.Channel == ChatIdentity.Slack && i.Tenant == team).ToListAsync(ct)
            .ConfigureAwait(false);
        if (installs.Count == 0)
        {
            var install = new ChannelInstallation { Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Slack, Tenant = team, InstalledAt = now };
            db.ChannelInstallations.Add(install);
            installs.Add(install);
        }

        foreach (var install in installs)
        {
            install.Active = false;
            install.RemovedAt = now;
            install.Detail = reason;
        }

        LogRemoved(logger, team, reason);
    }

    [LoggerMessage(LogLevel.Information, "Slack event {EventId} was already handled; acknowledged and ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(LogLevel.Warning, "Slack workspace {Team} removed the app ({Reason}): nothing more is sent there")]
    private static partial void LogRemoved(ILogger logger, string team, string reason);

    [LoggerMessage(LogLevel.Warning, "Slack rate-limited event deliveries for workspace {Team}")]
    private static partial void LogRateLimited(ILogger logger, string? team);
}
