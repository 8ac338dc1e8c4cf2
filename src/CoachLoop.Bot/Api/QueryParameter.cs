using System.Globalization;
using System.Text.Json;

namespace CoachLoop.Bot.Api;

/// <summary>One query parameter or route value an endpoint takes: its name, the format it expects, and the parser that decides.</summary>
internal sealed record QueryParameter(string Name, string Expected, Func<string, bool> Parses)
{
    /// <summary>A value longer than this is refused whatever its type: no parameter of this API needs one, and no column holds one.</summary>
    public const int MaxLength = 2000;

    /// <summary>The parser for a handler parameter of <paramref name="type"/>; null when the framework would not bind it from the URL.</summary>
    public static QueryParameter? For(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
            return new(name, "one of " + string.Join(", ", names), v => names.Contains(v, StringComparer.OrdinalIgnoreCase));
        }

        return t switch
        {
            _ when t == typeof(string) => new(name, "text", _ => true),
            _ when t == typeof(int) => new(name, "a whole number, e.g. 100", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            _ when t == typeof(long) => new(name, "a whole number", v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            _ when t == typeof(decimal) => new(name, "a number, e.g. 75.5", v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)),
            _ when t == typeof(bool) => new(name, "true or false", v => bool.TryParse(v, out _)),
            _ when t == typeof(Guid) => new(name, "a GUID, e.g. 0193a8e2-7c1d-7000-8000-000000000000", v => Guid.TryParse(v, out _)),
            _ when t == typeof(DateTimeOffset) => new(name, IsoDateTime.Expected, v => IsoDateTime.TryParse(v, out _)),
            _ when t == typeof(DateOnly) => new(name, "a date, e.g. 2026-11-01",
                v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
            _ => null,
        };
    }

    /// <summary>Why <paramref name="value"/> is refused, or null when it parses.</summary>
    public string? Refusal(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "must not contain NUL characters (\\u0000)";
        }

        if (value.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (value.Length == 0 && Expected != "text")
        {
            return $"is empty: give {Expected}, or leave the parameter out";
        }

        return Parses(value) ? null : $"must be {Expected}; '{Shorten(value)}' is not";
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
