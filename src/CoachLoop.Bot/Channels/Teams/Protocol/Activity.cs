using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// A Bot Framework activity as Teams sends it and as the bot sends it back. Unknown fields are ignored on the way in
/// (<c>role</c>, <c>relatesTo</c>, <c>callerId</c> and friends), and null fields are left out on the way out.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object">Activity object</see>.</remarks>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }

    /// <summary>What Teams shows in the notification and chat-list preview of a message whose content is a card.</summary>
    public string? Summary { get; init; }
    public string? TextFormat { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? Value { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? Locale { get; init; }

    /// <summary>
    /// The Entra tenant: <c>channelData.tenant.id</c> is authoritative, <c>conversation.tenantId</c> usually duplicates it.
    /// Read-only and never serialized: the Activity schema has no top-level <c>tenant</c>.
    /// </summary>
    [JsonIgnore]
    public string Tenant => ChannelData?.Tenant?.Id is { Length: > 0 } id ? id : Conversation?.TenantId ?? "";
}
