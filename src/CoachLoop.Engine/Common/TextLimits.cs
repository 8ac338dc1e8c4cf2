namespace CoachLoop.Engine.Common;

/// <summary>Refusals of text that no database provider stores the same: a NUL character (PostgreSQL refuses it), or more than its column holds.</summary>
public static class TextLimits
{
    /// <summary>Adds a refusal of <paramref name="value"/> to <paramref name="errors"/> when it holds a NUL or is longer than <paramref name="max"/>.</summary>
    /// <returns>Whether the value was refused.</returns>
    public static bool Check(List<ValidationError> errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return false;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new(field, "must not contain NUL characters (\\u0000)"));
            return true;
        }

        if (value.Length > max)
        {
            errors.Add(new(field, $"must be at most {max} characters, was {value.Length}"));
            return true;
        }

        return false;
    }
}
