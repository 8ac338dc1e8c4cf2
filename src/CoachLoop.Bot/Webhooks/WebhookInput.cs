using CoachLoop.Data.Webhooks;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Webhooks;

/// <summary>Checks a subscription's fields; every error names its field. On create, url and events are required.</summary>
internal static class WebhookInput
{
    public const int MinSecret = 16;
    public const int MaxSecret = 200;

    public static List<ValidationError> Errors(WebhookInputDto input, bool creating)
    {
        var errors = new List<ValidationError>();
        if (input.Url is null)
        {
            if (creating)
            {
                errors.Add(new("url", "is required: the absolute http or https URL that receives the events"));
            }
        }
        else if (input.Url.Length > 2000 || !Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add(new("url", "must be an absolute http or https URL of at most 2000 characters, without user information"));
        }

        if (input.Events is null)
        {
            if (creating)
            {
                errors.Add(new("events", $"is required: a list of one or more of {string.Join(", ", WebhookEventTypes.All)}"));
            }
        }
        else if (input.Events.Count == 0)
        {
            errors.Add(new("events", $"must list one or more of {string.Join(", ", WebhookEventTypes.All)}"));
        }
        else
        {
            for (var i = 0; i < input.Events.Count; i++)
            {
                if (!WebhookEventTypes.All.Contains(input.Events[i], StringComparer.Ordinal))
                {
                    errors.Add(new($"events[{i}]", $"is not an event type: use one of {string.Join(", ", WebhookEventTypes.All)}"));
                }
            }
        }

        if (input.Secret is { } secret && (secret.Length is < MinSecret or > MaxSecret || secret.Any(char.IsWhiteSpace)))
        {
            errors.Add(new("secret", $"must be {MinSecret} to {MaxSecret} characters without spaces (leave it out to have one generated)"));
        }

        if (input.Description is { Length: > 200 })
        {
            errors.Add(new("description", "must be at most 200 characters"));
        }

        return errors;
    }

    public static string Types(IEnumerable<string> events) => string.Join(' ', events.Distinct(StringComparer.Ordinal));
}
