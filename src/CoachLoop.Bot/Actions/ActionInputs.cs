using System.Globalization;
using CoachLoop.Bot.Cards.Builders;

namespace CoachLoop.Bot.Actions;

/// <summary>Reads the input values of a card action, collecting every problem by input id.</summary>
internal sealed class ActionInputs(IReadOnlyDictionary<string, string> data)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public string? Optional(string id)
    {
        var value = data.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (value is { Length: > FlagActions.MaxText })
        {
            _errors[id] = $"Keep it under {FlagActions.MaxText} characters.";
        }

        return value;
    }

    public string Required(string id, string message)
    {
        var value = Optional(id);
        if (value is null)
        {
            _errors[id] = message;
        }

        return value ?? "";
    }

    public DateOnly Date(string id)
    {
        var text = Required(id, "Pick a date.");
        if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            _errors[id] = "Use a date like 2026-11-27.";
            return default;
        }

        return text.Length == 0 ? default : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public void Fail(string id, string message) => _errors[id] = message;
}
