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
            .AddPolicy(MachinePolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.AddCoachLoopOpenApi();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    // An illegal move is the caller's problem (409), not a server fault; anything else is a 500 without internals.
    private static async Task WriteExceptionProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error is DomainException domain
            ? Results.Problem(statusCode: 409, title: "Not allowed now", detail: domain.Message, type: $"urn:coachloop:{domain.Code}")
            : Results.Problem(statusCode: 500, title: "Unexpected error", detail: "The request failed; nothing was half-written. See the server log.");
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }
}
