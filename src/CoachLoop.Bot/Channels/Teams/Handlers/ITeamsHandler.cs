using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>One small handler per kind of activity; the first that accepts an activity handles it.</summary>
public interface ITeamsHandler
{
    /// <summary>Short name, recorded by <see cref="ITeamsDispatchObserver"/>.</summary>
    string Name { get; }

    bool CanHandle(Activity activity);

    Task<IResult> HandleAsync(Activity activity, CancellationToken ct);
}
