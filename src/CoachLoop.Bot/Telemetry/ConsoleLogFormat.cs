namespace CoachLoop.Bot.Telemetry;

public enum ConsoleLogFormat
{
    Simple,
    Json,
}
