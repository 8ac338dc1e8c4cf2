using CoachLoop.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>The email channel, when <c>Email:Host</c> is set; its settings are checked at start either way.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        var options = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddScoped<EmailLinks>();
        services.AddScoped<ICardSender, EmailCardSender>();
        return services;
    }
}
