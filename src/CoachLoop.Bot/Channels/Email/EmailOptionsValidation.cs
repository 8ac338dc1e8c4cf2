using Microsoft.Extensions.Options;
using MimeKit;

namespace CoachLoop.Bot.Channels.Email;

/// <summary>Checked at start: a host without a sender, an unreadable sender or a user name without its password stops the host.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("Email:From must be a sender address such as 'CoachLoop <coachloop@example.com>' when Email:Host is set.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Email:UserName is set without Email:Password (give it in the environment: COACHLOOP_Email__Password).");
        }

        if (options.ActionBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add("Email:ActionBaseUrl must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
