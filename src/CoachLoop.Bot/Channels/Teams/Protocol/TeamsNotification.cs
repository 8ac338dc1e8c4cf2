namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// <c>channelData.notification</c>: <c>alert = true</c> raises an activity-feed notification for the message.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability">Send and receive messages</see>.
/// </summary>
public sealed record TeamsNotification(bool Alert);
