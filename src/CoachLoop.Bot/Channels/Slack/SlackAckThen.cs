namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// An empty 200 for Slack, and a trigger_id job queued to start once that answer has been sent: the ack never waits on the
/// job, and the job never runs before the ack.
/// </summary>
internal sealed class SlackAckThen(SlackAfterAck afterAck, Func<IServiceProvider, CancellationToken, Task> job) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        afterAck.EnqueueTriggeredAfter(httpContext.Response, job);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}
