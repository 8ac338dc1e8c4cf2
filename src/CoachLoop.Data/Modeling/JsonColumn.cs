using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// Stores an immutable value object as JSON text. Provider-neutral on purpose (TEXT on SQLite,
/// text on PostgreSQL): these values are read whole and never queried into.
/// </summary>
public static class JsonColumn
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            v => Serialize(v),
            v => Deserialize<T>(v),
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                v => Serialize(v).GetHashCode(StringComparison.Ordinal),
                v => Deserialize<T>(Serialize(v))));
        return property;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
