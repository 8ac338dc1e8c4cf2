using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>One call the bot made to the connector.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonNode? Body);
