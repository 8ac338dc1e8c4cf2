using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// A rendered message: <see cref="Blocks"/> for the message body and <see cref="Text"/>, the top-level fallback that
/// notifications and screen readers use (<see href="https://api.slack.com/reference/block-kit/blocks">blocks reference</see>).
/// </summary>
public sealed record BlockKitMessage(string Text, JsonArray Blocks);
