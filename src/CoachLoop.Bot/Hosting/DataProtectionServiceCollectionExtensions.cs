using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CoachLoop.Bot.Hosting;

internal static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The name every host shares: Data Protection isolates applications by it, so it must not vary with the content root.</summary>
    public const string ApplicationName = "CoachLoop";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the database, so every host of one deployment reads what another
    /// protected (Slack installation tokens, install states). The keys are stored unencrypted in the database, like the rest of
    /// CoachLoop's secrets there: whoever can read the database can read them (see README, Distributing to several workspaces).
    /// </summary>
    public static IServiceCollection AddCoachLoopDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((keys, scopes) => keys.XmlRepository = new DatabaseXmlRepository(scopes));
        return services;
    }
}
