namespace CoachLoop.Bot.Telemetry;

/// <summary>Console log format (<c>Telemetry:Logs</c>).</summary>
public sealed class LogSettings
{
    /// <summary>Simple (one readable line per entry, the default) or Json (one JSON object per line, with scopes and trace ids).</summary>
    public ConsoleLogFormat Format { get; set; } = ConsoleLogFormat.Simple;
}
