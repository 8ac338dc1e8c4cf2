using System.Text.Json;

namespace CoachLoop.Bot.Api;

/// <summary>
/// A status has one spelling everywhere, the one the JSON answers use (<c>practiceApproved</c>): in filters, in their errors
/// and in the CSV export. Filters take it in any letter case, and only by name (not the enum's number).
/// </summary>
internal static class StatusNames
{
    public static string Of(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(Of));

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
