using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Slack.SocketMode;

/// <summary>What a handled envelope answers: the ack's payload (null for a bare ack) and the work to start once the ack is sent.</summary>
public sealed record SlackEnvelopeAnswer(JsonNode? Payload, IReadOnlyList<Func<Task>> AfterAck)
{
    public static SlackEnvelopeAnswer Empty { get; } = new(null, []);
}
