using System.Text.Json;
using CoachLoop.Engine.Common;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads a JSON body so that a malformed document or a value of the wrong type is refused with the
/// field named (<c>criteria[0].weight</c>), instead of the framework's generic binding failure.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonElement? Body, ValidationError? Error)> ParseAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, new ValidationError("body", $"is not valid JSON: {FirstSentence(ex.Message)}"));
        }
    }

    public static (T? Value, ValidationError? Error) Bind<T>(JsonElement element, JsonSerializerOptions options, string prefix = "")
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new ValidationError(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body", "must be a JSON object"));
        }

        try
        {
            return (element.Deserialize<T>(options), null);
        }
        catch (JsonException ex)
        {
            var field = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, new ValidationError(prefix + (field.Length == 0 ? "body" : field), "has the wrong type: " + FirstSentence(ex.Message)));
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var (body, parseError) = await ParseAsync(request, ct).ConfigureAwait(false);
        if (parseError is not null)
        {
            return (null, Problems.Validation([parseError]));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var (value, bindError) = Bind<T>(body!.Value, options);
        return bindError is null ? (value, null) : (null, Problems.Validation([bindError]));
    }

    private static string FirstSentence(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
