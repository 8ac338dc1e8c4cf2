using System.Text.Json;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Teams.Handlers;

/// <summary>Turns a Teams click (Action.Execute invoke or Action.Submit message) into the chat core's channel-neutral request.</summary>
public sealed class TeamsActionRunner(TeamsPeople people, CardActionPipeline pipeline)
{
    /// <returns>The pipeline's answer and the CoachLoop person who clicked (null when unknown), whose view of the card is answered.</returns>
    public async Task<(CardActionResult Result, Person? Clicker)> RunAsync(Activity activity, string verb, JsonElement data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (aad, person) = await people.ResolveAsync(activity, ct).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.ToString();
            }
        }

        var key = activity.Id ?? Guid.NewGuid().ToString();
        var result = await pipeline.HandleAsync(new CardActionRequest(ChatIdentity.Teams, activity.Tenant, aad, verb, values, key), ct).ConfigureAwait(false);
        return (result, person);
    }
}
