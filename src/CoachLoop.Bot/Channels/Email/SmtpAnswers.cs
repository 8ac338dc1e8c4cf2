using CoachLoop.Bot.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CoachLoop.Bot.Channels.Email;

/// <summary>
/// What an SMTP failure means for the outbox: a 4xx answer (RFC 5321 "transient negative") is retried, a 5xx ("permanent
/// negative") is a dead letter, failed authentication is a dead letter (a wrong password does not fix itself), and a connection
/// that could not be made, broke or timed out is retried. Only a failure after the message was handed over can hide a delivery
/// (the server may have stored it before the connection broke), so only then is the outcome unknown.
/// </summary>
internal static partial class SmtpAnswers
{
    public static SecureSocketOptions Socket(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };

    public static SendResult Map(Exception ex, bool mayHaveSent)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            // An answer the server chose to give: it is known that the message was not taken.
            SmtpCommandException command when (int)command.StatusCode is >= 400 and < 500 =>
                SendResult.Retry($"SMTP {(int)command.StatusCode}: {command.Message.Trim()}"),
            SmtpCommandException command =>
                SendResult.Permanent($"SMTP {(int)command.StatusCode}: {command.Message.Trim()}"),
            AuthenticationException auth => SendResult.Permanent($"SMTP authentication failed: {auth.Message}"),
            // The connection broke, timed out or could not be made.
            _ => SendResult.Retry($"SMTP {ex.GetType().Name}: {ex.Message}", outcomeUnknown: mayHaveSent),
        };
    }

    [LoggerMessage(LogLevel.Warning, "Email {Key} not sent ({Status}): {Error}")]
    public static partial void Log(ILogger logger, string key, SendStatus status, string error);
}
