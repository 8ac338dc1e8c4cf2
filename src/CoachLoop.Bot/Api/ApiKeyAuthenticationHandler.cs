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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var name = await keys.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (name is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim("api_key", name)], SchemeName);
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
}
