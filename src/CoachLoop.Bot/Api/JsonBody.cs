using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoachLoop.Engine.Common;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads a JSON body so that a wrong content type is a 415 naming the one accepted, a body over the cap a 413, and a malformed
/// document, a NUL character or a value of the wrong type a 400 with the field named (<c>criteria[0].weight</c>), instead of the
/// framework's generic binding failure. Types are strict: a number sent as a string is refused.
/// </summary>
internal static class JsonBody
{
    public const string ContentType = "application/json";

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = new();

    public static async Task<(JsonElement? Body, IResult? Problem)> ParseAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return (null, UnsupportedMediaType(request, ContentType + " (UTF-8)"));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation([new ValidationError("body", $"is not valid JSON: {FirstSentence(ex.Message)}")]));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var cap = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
            return (null, RequestBodyCap.TooLarge(cap));
        }
    }

    /// <summary>A 415 that says what the route accepts.</summary>
    public static IResult UnsupportedMediaType(HttpRequest request, string accepted) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
            detail: $"This route accepts a body of type {accepted}; the request was sent as "
                + (string.IsNullOrEmpty(request.ContentType) ? "no content type" : $"'{request.ContentType}'") + ". Nothing was changed.");

    /// <summary>Every string (and property name) holding a NUL character, which PostgreSQL cannot store: each a refusal naming it.</summary>
    public static List<ValidationError> NulCharacters(JsonElement element, string path = "")
    {
        var errors = new List<ValidationError>();
        Scan(element, path, errors);
        return errors;
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
            return (element.Deserialize<T>(Strict(options)), null);
        }
        catch (JsonException ex)
        {
            var field = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, new ValidationError(prefix + (field.Length == 0 ? "body" : field), "has the wrong type: " + WrongType(ex)));
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var (body, problem) = await ParseAsync(request, ct).ConfigureAwait(false);
        if (body is not { } element)
        {
            return (null, problem);
        }

        if (NulCharacters(element) is { Count: > 0 } nul)
        {
            return (null, Problems.Validation(nul));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var (value, bindError) = Bind<T>(element, options);
        return bindError is null ? (value, null) : (null, Problems.Validation([bindError]));
    }

    // The host's options read numbers from strings (the web defaults); the API does not, as documented.
    private static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, o => new JsonSerializerOptions(o) { NumberHandling = JsonNumberHandling.Strict });

    private static void Scan(JsonElement element, string path, List<ValidationError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString()!.Contains('\0', StringComparison.Ordinal):
                errors.Add(new(path.Length == 0 ? "body" : path, "must not contain NUL characters (\\u0000)"));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name.Replace("\0", "\\u0000", StringComparison.Ordinal);
                    if (property.Name.Contains('\0', StringComparison.Ordinal))
                    {
                        errors.Add(new(path.Length == 0 ? name : $"{path}.{name}", "a property name must not contain NUL characters (\\u0000)"));
                    }

                    Scan(property.Value, path.Length == 0 ? name : $"{path}.{name}", errors);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Scan(item, $"{path}[{i++}]", errors);
                }

                break;
        }
    }

    // The serializer's message names the .NET type ("could not be converted to System.Nullable`1[System.Decimal]"); say what JSON fits.
    private static string WrongType(JsonException ex) =>
        ex.Message.Contains("could not be converted to", StringComparison.Ordinal) && ex.Message.Split(" to ")[^1] is var target
            ? target switch
            {
                _ when target.Contains("Decimal", StringComparison.Ordinal) || target.Contains("Int", StringComparison.Ordinal) => "must be a JSON number",
                _ when target.Contains("String", StringComparison.Ordinal) => "must be a JSON string",
                _ when target.Contains("Boolean", StringComparison.Ordinal) => "must be true or false",
                _ when target.Contains("List", StringComparison.Ordinal) => "must be a JSON array",
                _ when target.Contains("Dictionary", StringComparison.Ordinal) => "must be a JSON object",
                _ when target.Contains("DateTimeOffset", StringComparison.Ordinal) => "must be " + IsoDateTime.Expected,
                _ when EnumNamed(target) is { } names => "must be one of " + names,
                _ => "is not of the documented type (see the OpenAPI document)",
            }
            : FirstSentence(ex.Message);

    // "System.Nullable`1[CoachLoop.Engine.People.PersonRole]." names an Engine enum: list its values as JSON spells them.
    private static string? EnumNamed(string target)
    {
        var name = target.TrimEnd('.', ' ').Split('[')[^1].TrimEnd(']');
        var type = typeof(CoachLoop.Engine.People.PersonRole).Assembly.GetType(name);
        return type is { IsEnum: true }
            ? string.Join(", ", Enum.GetNames(type).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))
            : null;
    }

    internal static string FirstSentence(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
