using System.Security.Claims;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

internal static class ApiActor
{
    /// <summary>The machine API acts as its key: audit rows name the key, in the ApiClient role, channel "api".</summary>
    public static Actor From(HttpContext context) =>
        new(null, "api-key:" + (context.User.FindFirstValue(ClaimTypes.Name) ?? "unknown"), ActorRole.ApiClient, "api");
}
