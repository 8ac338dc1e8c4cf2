using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Data.Webhooks;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// Posts one event to one receiver, signed, and maps the answer to a <see cref="SendResult"/> the outbox records like a card's:
/// 2xx sent; 429 retried no earlier than its Retry-After (not using up an attempt); 408, 425 and 5xx, timeouts and network
/// errors retried with backoff (the receiver may have acted: it dedupes by the event id header); 410 and other 4xx
/// dead-lettered. Each attempt is written to the subscription's delivery log.
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory clients, CoachLoopDbContext db, TimeProvider clock, IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    public async Task<SendResult> SendAsync(WebhookRequest request, OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        var (result, status) = await PostAsync(request, ct).ConfigureAwait(false);
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            SubscriptionId = request.SubscriptionId, EventId = request.EventId, OutboxMessageId = message.Id, Attempt = message.Attempts,
            At = clock.GetUtcNow(), StatusCode = status, Error = result.Error is { Length: > 2000 } e ? e[..2000] : result.Error,
            DurationMs = (int)Math.Min(Stopwatch.GetElapsedTime(started).TotalMilliseconds, int.MaxValue),
        });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException && !ct.IsCancellationRequested)
        {
            // The subscription was deleted while this attempt was out: there is no log left to write to.
            LogAttemptNotLogged(logger, request.SubscriptionId, ex.Message);
        }

        return result;
    }

    private async Task<(SendResult Result, int? Status)> PostAsync(WebhookRequest request, CancellationToken ct)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, request.Url);
        post.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        post.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(request.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), request.Body));
        post.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, request.EventId.ToString("D"));
        post.Headers.TryAddWithoutValidation(WebhookSignature.EventTypeHeader, request.EventType);
        post.Headers.UserAgent.Add(new ProductInfoHeaderValue("CoachLoop-Webhooks", "1"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(post, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return (Map(response), code);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (SendResult.Retry($"no answer within {options.Value.Timeout.TotalSeconds:0.#} s", outcomeUnknown: true), null);
        }
        catch (HttpRequestException ex)
        {
            return (SendResult.Retry($"unreachable: {ex.Message}", outcomeUnknown: true), null);
        }
    }

    private SendResult Map(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => SendResult.Sent($"HTTP {code}"),
            HttpStatusCode.TooManyRequests => SendResult.Retry($"HTTP 429 (throttled)", RetryAfter(response)),
            HttpStatusCode.RequestTimeout or (HttpStatusCode)425 => SendResult.Retry($"HTTP {code}", outcomeUnknown: true),
            _ when code >= 500 => SendResult.Retry($"HTTP {code}", outcomeUnknown: true),
            _ => SendResult.Permanent($"HTTP {code}: the receiver refused the event"),
        };
    }

    // Retry-After as seconds or as a date; a 429 without it backs off like any failure.
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.RetryAfter?.Date is { } date && date - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : null;
    }

    [LoggerMessage(LogLevel.Information, "A delivery attempt of subscription {Subscription} was not logged: {Reason}")]
    private static partial void LogAttemptNotLogged(ILogger logger, Guid subscription, string reason);
}
