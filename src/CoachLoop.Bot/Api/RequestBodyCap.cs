using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Caps request bodies of the API (<see cref="ApiOptions.MaxRequestBodyBytes"/>): a declared length over the cap is answered
/// 413 at once; a body sent without one is cut off where it passes the cap, on Kestrel and on any other server, and answered 413.
/// </summary>
internal static class RequestBodyCap
{
    public static IApplicationBuilder UseRequestBodyCap(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        return app.Use(async (context, next) =>
        {
            var cap = options.CapFor(context.Request);
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/web/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (context.Request.ContentLength > cap)
            {
                await TooLarge(cap, ApiOptions.SettingFor(context.Request)).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = cap;
            }

            context.Request.Body = new CappedStream(context.Request.Body, cap);
            await next(context).ConfigureAwait(false);
        });
    }

    public static IResult TooLarge(long cap, string setting = "Api:MaxRequestBodyBytes") => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
        detail: $"This server accepts request bodies of at most {cap} bytes here (setting {setting}); nothing was changed. "
            + "Send a large backfill as several batches or imports.");
}
