using CoachLoop.Data;

namespace CoachLoop.Bot.Api;

/// <summary>
/// An answer to a request that may have written (anything but GET, HEAD and OPTIONS: API posts, Slack clicks, Teams activities,
/// the web channel's actions) goes out only once what was committed before it is durable, so a "stored" or "done" seen by a
/// caller survives even a power cut. Commits themselves skip the fsync; concurrent answers share one (<see cref="DurableCommits"/>),
/// and an answer with nothing new committed before it does not wait.
/// </summary>
public static class DurableAnswers
{
    public static IApplicationBuilder UseDurableAnswers(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var commits = app.ApplicationServices.GetRequiredService<DurableCommits>();
        return app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
            {
                context.Response.OnStarting(static state => ((DurableCommits)state).WaitAsync(), commits);
            }

            return next(context);
        });
    }
}
