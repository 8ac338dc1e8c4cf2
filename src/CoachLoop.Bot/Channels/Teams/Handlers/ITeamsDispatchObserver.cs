using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>Told which handler took each authenticated activity (tests record it; nothing is registered in production).</summary>
public interface ITeamsDispatchObserver
{
    void Handled(string handler, Activity activity);
}
