using CoachLoop.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// The web channel's views beside the feeds: the open flags a person can see, each as its full card for them (so every flag,
/// grouped ones included, can be acted on); "digest now"; and, when <see cref="WebChannelOptions.RunDueWorkNow"/> is on
/// (Development), "run due work now".
/// </summary>
internal static class WebToolsApi
{
    public static void MapWebTools(this RouteGroupBuilder group)
    {
        group.MapGet("/features", (IOptions<WebChannelOptions> options, IHostEnvironment environment) =>
            TypedResults.Ok(new WebFeatures(RunDueWorkOn(options.Value, environment))));
        group.MapGet("/open-flags", OpenFlagsAsync);
        group.MapPost("/digest-now", DigestNowAsync).AddEndpointFilter(WebChannelApi.FromOwnPage);
        group.MapPost("/dev/run-due-work", RunDueWorkAsync).AddEndpointFilter(WebChannelApi.FromOwnPage);
    }

    private static async Task<IResult> OpenFlagsAsync(string? @as, WebCardViews views, WebOpenFlags openFlags, CancellationToken ct) =>
        await views.PersonAsync(@as, ct).ConfigureAwait(false) is { } viewer
            ? TypedResults.Ok(await openFlags.ListAsync(viewer, ct).ConfigureAwait(false))
            : TypedResults.Ok(Array.Empty<WebOpenFlag>());

    private static async Task<IResult> DigestNowAsync(string? @as, WebCardViews views, WebDigestNow digests, CancellationToken ct)
    {
        if (await views.PersonAsync(@as, ct).ConfigureAwait(false) is not { } person)
        {
            return TypedResults.Ok(new WebDigest("Pick someone from the directory: digests go to team managers.", []));
        }

        var cards = await digests.ComposeAsync(person, ct).ConfigureAwait(false);
        return TypedResults.Ok(new WebDigest(
            cards.Count == 0 ? $"{person.Name} manages no team, and digests go to team managers." : $"The digest {person.Name} would get now.", cards));
    }

    private static bool RunDueWorkOn(WebChannelOptions options, IHostEnvironment environment) => options.RunDueWorkNow && environment.IsDevelopment();

    private static async Task<IResult> RunDueWorkAsync(IOptions<WebChannelOptions> options, IHostEnvironment environment, DueWorkNow work, CancellationToken ct)
    {
        if (!RunDueWorkOn(options.Value, environment))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not available",
                detail: "\"Run due work now\" is a development tool: it runs only in the Development environment with WebChannel:RunDueWorkNow=true.");
        }

        return TypedResults.Ok(await work.RunAsync(ct).ConfigureAwait(false));
    }
}
