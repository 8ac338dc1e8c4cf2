using System.Text.Json;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>Turns a Teams click (Action.Execute invoke or Action.Submit message) into the chat core's channel-neutral request.</summary>
public sealed class TeamsActionRunner(TeamsPeople people, CardActionPipeline pipeline)
{
    public async Task<CardActionResult> RunAsync(Activity activity, string verb, JsonElement data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (aad, _) = await people.ResolveAsync(activity, ct).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.ToString();
            }
        }

        var key = activity.Id ?? Guid.NewGuid().ToString();
        return await pipeline.HandleAsync(new CardActionRequest(ChatIdentity.Teams, activity.Tenant, aad, verb, values, key), ct).ConfigureAwait(false);
    }
}
