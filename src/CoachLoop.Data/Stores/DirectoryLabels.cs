using CoachLoop.Engine.Common;

namespace CoachLoop.Data.Stores;

/// <summary>Names the people of a directory batch in errors: <c>line 4</c> for a CSV import, <c>[i]</c> otherwise.</summary>
internal sealed class DirectoryLabels(int count, IReadOnlyList<string>? labels)
{
    public string Label(int index) => labels?[index] ?? (count == 1 ? "" : $"[{index}]");

    public string Prefix(int index) => Label(index) is { Length: > 0 } label ? label + "." : "";

    /// <summary>One error on each repeat of a value after its first, naming where it first appeared.</summary>
    public IEnumerable<ValidationError> Repeats(IReadOnlyList<string?> values, string field)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                continue;
            }

            if (first.TryGetValue(values[i]!, out var earlier))
            {
                yield return new ValidationError(Prefix(i) + field,
                    $"'{values[i]}' is also given by {Label(earlier)}; each {field} may appear once");
            }
            else
            {
                first[values[i]!] = i;
            }
        }
    }
}
