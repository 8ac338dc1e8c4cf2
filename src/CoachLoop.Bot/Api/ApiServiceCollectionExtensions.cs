using System.Text.Json.Serialization;
using CoachLoop.Bot.Api.OpenApi;
using CoachLoop.Bot.Demo;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace CoachLoop.Bot.Api;

internal static class ApiServiceCollectionExtensions
{
    public const string MachinePolicy = "machine";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddCoachLoopApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(MachinePolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.AdminClaim, "true"));
        services.AddCoachLoopOpenApi();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Api:MaxRequestBodyBytes must be a positive number of bytes.")
            .Validate(o => o.MaxImportBodyBytes > 0, "Api:MaxImportBodyBytes must be a positive number of bytes.").ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<SinglePostGroups>();
        return services;
    }

    public static WebApplication UseCoachLoopApi(this WebApplication app)
    {
        app.UseDurableAnswers();
        app.UseExceptionHandler(handler => handler.Run(WriteExceptionProblemAsync));
        app.UseStatusCodePages();
        app.UseUnsupportedMediaTypeDetails();
        app.UseRequestBodyCap();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseQueryContracts();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    // An illegal move is the caller's problem (409), and so is a request the server could not read (a body over the cap, a
    // body the framework could not bind): neither is a server fault. Anything else is a 500 without internals.
    private static async Task WriteExceptionProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var cap = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.CapFor(context.Request);
        var result = error switch
        {
            DomainException domain => Results.Problem(statusCode: 409, title: "Not allowed now", detail: domain.Message, type: $"urn:coachloop:{domain.Code}"),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestBodyCap.TooLarge(cap, ApiOptions.SettingFor(context.Request)),
            BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "The request could not be read",
                detail: "Nothing was changed. Check the request's body, content type and parameters against the API documentation."),
            _ => Results.Problem(statusCode: 500, title: "Unexpected error", detail: "The request failed; nothing was half-written. See the server log."),
        };
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }
}
