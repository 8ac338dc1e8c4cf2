using System.Security.Claims;
using System.Text.Encodings.Web;
using CoachLoop.Data.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Api;

/// <summary>Bearer API keys for the machine API (<c>Authorization: Bearer cl_...</c>), checked against their stored hash.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The claim an admin key carries (value "true"): it may manage API keys.</summary>
    public const string AdminClaim = "api_key_admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims = [new(ClaimTypes.Name, key.Name), new("api_key", key.Name)];
        if (key.IsAdmin)
        {
            claims.Add(new(AdminClaim, "true"));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"coachloop\"";
        await Results.Problem(statusCode: 401, title: "Unauthorized",
                detail: "Send a CoachLoop API key as 'Authorization: Bearer <key>'. Create one with: dotnet run --project src/CoachLoop.Bot -- create-api-key NAME")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    // The only thing a valid key can be refused for is managing keys without being an admin key.
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Forbidden",
                detail: "Only an admin API key may manage API keys; nothing was changed. Create one with: create-api-key NAME --admin")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }
}
