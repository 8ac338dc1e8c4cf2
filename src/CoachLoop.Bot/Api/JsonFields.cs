using System.Text.Json;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads the properties of one JSON object with strict types, adding a refusal naming the field (<c>scores[2].score</c>) for
/// each missing or wrongly typed one and going on, so that one answer lists every error of a body.
/// </summary>
internal sealed class JsonFields(JsonElement element, string path, List<ValidationError> errors)
{
    public List<ValidationError> Errors => errors;

    public string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public string? String(string name, bool required = false) =>
        Get(name, required, JsonValueKind.String, "must be a JSON string") is { } value ? value.GetString() : null;

    public decimal? Decimal(string name, bool required = false) =>
        Get(name, required, JsonValueKind.Number, "must be a JSON number (not a string)") is { } value
            ? value.TryGetDecimal(out var d) ? d : Refuse<decimal?>(name, "is out of range")
            : null;

    public int? Int(string name, bool required = false) =>
        Get(name, required, JsonValueKind.Number, "must be a JSON number (not a string)") is { } value
            ? value.TryGetInt32(out var i) ? i : Refuse<int?>(name, "must be a whole number")
            : null;

    public DateTimeOffset? DateTime(string name, bool required = false) =>
        Get(name, required, JsonValueKind.String, "must be a JSON string: " + IsoDateTime.Expected) is { } value
            ? IsoDateTime.TryParse(value.GetString(), out var t) ? t : Refuse<DateTimeOffset?>(name, $"must be {IsoDateTime.Expected}; '{value.GetString()}' is not")
            : null;

    public JsonFields? Object(string name, bool required = false, string? requiredHint = null) =>
        Get(name, required, JsonValueKind.Object, "must be a JSON object", requiredHint) is { } value ? new JsonFields(value, Path(name), errors) : null;

    public JsonElement? Array(string name, bool required = false) => Get(name, required, JsonValueKind.Array, "must be a JSON array");

    private JsonElement? Get(string name, bool required, JsonValueKind kind, string wrongType, string? requiredHint = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Refuse<JsonElement?>(name, requiredHint ?? "is required") : null;
        }

        return value.ValueKind == kind ? value : Refuse<JsonElement?>(name, wrongType + ", was " + Describe(value.ValueKind));
    }

    private T? Refuse<T>(string name, string message)
    {
        errors.Add(new(Path(name), message));
        return default;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
