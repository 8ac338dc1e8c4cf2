using CoachLoop.Bot.Cards.Email;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Outbox;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoachLoop.Bot.Channels.Email;

/// <summary>
/// The email channel of the outbox: the conversation is the recipient's address, the card is rendered by
/// <see cref="EmailCardRenderer"/> to HTML with a plain-text alternative, and MailKit hands it to the configured SMTP server (one
/// connection per message: digests are a few a day per person). The Message-ID is made from the outbox's idempotency key, the
/// same on every retry, so a message sent again after an unknown outcome is recognisably the same one. An email cannot be changed
/// once sent, so an update is a no-op that keeps the sent message as it is.
/// </summary>
public sealed class EmailCardSender(IOptions<EmailOptions> options, EmailLinks links, ILogger<EmailCardSender> logger) : ICardSender
{
    public string Channel => OutboxWriter.EmailChannel;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageRef is { } sent)
        {
            return SendResult.Sent(sent);
        }

        var settings = options.Value;
        if (!MailboxAddress.TryParse(message.ConversationId, out var to))
        {
            return SendResult.Permanent($"'{message.ConversationId}' is not an email address");
        }

        var mime = await BuildAsync(message, to, settings, ct).ConfigureAwait(false);
        var messageId = mime.MessageId ?? message.IdempotencyKey;
        var phase = SmtpPhase.Connecting;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SmtpAnswers.Socket(settings.Security), ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct).ConfigureAwait(false);
            }

            phase = SmtpPhase.Sending;
            await client.SendAsync(mime, ct).ConfigureAwait(false);
            phase = SmtpPhase.Sent;
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
            return SendResult.Sent(messageId);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The server's 250 for the message is the moment of delivery; a failure after it (QUIT) does not undo the send.
            if (phase == SmtpPhase.Sent)
            {
                return SendResult.Sent(messageId);
            }

            var result = SmtpAnswers.Map(ex, mayHaveSent: phase == SmtpPhase.Sending);
            SmtpAnswers.Log(logger, message.IdempotencyKey, result.Status, result.Error ?? "");
            return result;
        }
    }

    private async Task<MimeMessage> BuildAsync(OutboundMessage message, MailboxAddress to, EmailOptions settings, CancellationToken ct)
    {
        var content = EmailCardRenderer.Render(message.Card, await links.ForAsync(message.Card, ct).ConfigureAwait(false));
        var from = MailboxAddress.Parse(settings.From!);
        var body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html };
        foreach (var image in content.Images)
        {
            // BodyBuilder puts the HTML and its linked parts in multipart/related; the HTML refers to each by this Content-ID.
            var part = body.LinkedResources.Add(image.Image.Name + ".png", image.Image.Png, new ContentType("image", "png"));
            part.ContentId = image.ContentId;
        }

        var mime = new MimeMessage
        {
            Subject = content.Subject,
            Body = body.ToMessageBody(),
            // One id per outbox message, whatever the attempt: "<post-{card post}@{sender's domain}>".
            MessageId = $"{message.IdempotencyKey}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(to);
        mime.Headers.Add("X-CoachLoop-Key", message.IdempotencyKey);
        return mime;
    }

    private enum SmtpPhase
    {
        Connecting,
        Sending,
        Sent,
    }
}
