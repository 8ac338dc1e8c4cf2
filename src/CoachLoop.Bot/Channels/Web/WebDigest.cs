using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>The answer to "digest now": a line for the page and one digest card per team the person manages.</summary>
internal sealed record WebDigest(string Message, IReadOnlyList<JsonObject> Cards);
