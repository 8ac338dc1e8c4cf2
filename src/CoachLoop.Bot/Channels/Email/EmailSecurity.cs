namespace CoachLoop.Bot.Channels.Email;

/// <summary>How the SMTP connection is protected: as MailKit's SecureSocketOptions (Auto: TLS on 465, STARTTLS when offered).</summary>
public enum EmailSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
